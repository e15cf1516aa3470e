package io.galley.ingest.book;

import io.galley.events.BookMetadata;
import io.galley.events.ChapterEntry;
import java.util.List;
import java.util.Map;

/**
 * A book read from one commit: metadata, chapters in reading order and every image by sha256.
 *
 * @param folder the book folder relative to the repository root ("" for the root)
 * @param metadata what the book says about itself
 * @param chapters in reading order, drafts left out
 * @param assets every referenced image (chapters and cover), keyed by sha256, in first-use order
 * @param entries the manifest's entry of each chapter, in the same order: its part, nesting, number
 */
public record Book(
    String folder,
    BookMetadata metadata,
    List<Chapter> chapters,
    Map<String, Asset> assets,
    List<ChapterEntry> entries) {

  public Book {
    chapters = List.copyOf(chapters);
    entries = List.copyOf(entries);
    assets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(assets));
  }

  /** The bookId. */
  public String id() {
    return metadata.id();
  }
}
