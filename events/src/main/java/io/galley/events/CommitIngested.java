package io.galley.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The manifest of an accepted commit: everything an edition of the book at this commit contains.
 *
 * @param bookId the book
 * @param commit the git commit id
 * @param parent the previous commit ingested for this book, or null for the first
 * @param author {@code Name <email>}
 * @param message the commit message
 * @param committedAt the commit time; editions use it as their build time
 * @param book the book's metadata at this commit
 * @param chapters the chapters in reading order
 * @param assets every local image the book references (chapters and cover)
 * @param changed docIds whose source changed since {@code parent} (all of them for a snapshot)
 * @param deleted docIds present at {@code parent} and gone now
 * @param snapshot true when this record does not follow {@code parent} in history (first commit, or
 *     history rewritten by a force-push)
 * @param warnings problems that did not reject the commit
 */
public record CommitIngested(
    String bookId,
    String commit,
    String parent,
    String author,
    String message,
    Instant committedAt,
    BookMetadata book,
    List<ChapterEntry> chapters,
    List<AssetRef> assets,
    List<String> changed,
    List<String> deleted,
    boolean snapshot,
    List<Problem> warnings)
    implements CommitEvent {

  /**
   * Version of this record's JSON shape. Version 2 added the optional chapter {@code part}, {@code
   * depth} and {@code number} and the book's {@code numbering} and {@code contentsDepth}.
   */
  public static final int SCHEMA_VERSION = 2;

  public CommitIngested {
    Objects.requireNonNull(bookId, "bookId");
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(committedAt, "committedAt");
    Objects.requireNonNull(book, "book");
    author = author == null ? "" : author;
    message = message == null ? "" : message;
    chapters = List.copyOf(Objects.requireNonNull(chapters, "chapters"));
    assets = assets == null ? List.of() : List.copyOf(assets);
    changed = changed == null ? List.of() : List.copyOf(changed);
    deleted = deleted == null ? List.of() : List.copyOf(deleted);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /**
   * A hash of everything that goes into an edition: book metadata, chapters, assets and the commit
   * (whose time is stamped into the files). Part of every editionId.
   */
  public String manifestHash() {
    return Digests.sha256Hex(
        EventJson.toBytes(new Object[] {bookId, commit, committedAt, book, chapters, assets}));
  }

  @JsonProperty("schemaVersion")
  int schemaVersion() {
    return SCHEMA_VERSION;
  }
}
