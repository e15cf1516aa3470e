package io.galley.export.history;

import io.galley.events.AssetRef;
import io.galley.events.BookMetadata;
import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.events.RenderedChapter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * What one book's kept commits need for the portal, held lean: the renderings diffs compare (the
 * newest of each chapter, and every older one a kept commit names, counted so that dropping a
 * commit costs its chapter count, not a scan), only their title and text, deflated, since only a
 * diff reads them; and one shared instance of each chapter entry, book metadata and asset list that
 * consecutive manifests repeat. So a kept commit costs about a kilobyte plus the text of the
 * chapter it changed, compressed. Not thread-safe: {@link EditionHistory} guards it.
 */
final class ChapterVersions {

  /** The one entry of a chapter version kept commits share, and how many of them name it. */
  private record Named(ChapterEntry entry, int commits) {}

  /** What a diff reads of a rendering: its title and its text, deflated. */
  private record Stored(String title, String rendererVersion, byte[] xhtml) {}

  private final Map<String, Stored> byVersion = new HashMap<>(); // docId@sha256
  private final Map<String, String> newest = new HashMap<>(); // docId -> sha256 of the newest
  private final Map<String, Named> named =
      new HashMap<>(); // docId@sha256 -> kept commits naming it
  private BookMetadata lastBook;
  private List<AssetRef> lastAssets = List.of();

  /**
   * Keeps a rendering; the one it replaces as its chapter's newest goes unless a commit names it.
   */
  void add(RenderedChapter chapter) {
    String docId = chapter.docId();
    byVersion.put(
        version(docId, chapter.sourceSha256()),
        new Stored(chapter.title(), chapter.rendererVersion(), deflate(chapter.xhtml())));
    String previous = newest.put(docId, chapter.sourceSha256());
    if (previous != null && !previous.equals(chapter.sourceSha256())) {
      dropIfUnused(docId, previous);
    }
  }

  /**
   * A kept commit names these chapter versions; returns the same manifest sharing what earlier
   * manifests of the book already hold (keep this one, not the argument).
   */
  CommitIngested retain(CommitIngested manifest) {
    List<ChapterEntry> chapters = new ArrayList<>(manifest.chapters().size());
    for (ChapterEntry c : manifest.chapters()) {
      Named now =
          named.merge(
              version(c.docId(), c.sha256()),
              new Named(c, 1),
              (kept, fresh) ->
                  new Named(kept.entry().equals(c) ? kept.entry() : c, kept.commits() + 1));
      chapters.add(now.entry());
    }
    lastBook = manifest.book().equals(lastBook) ? lastBook : manifest.book();
    lastAssets = manifest.assets().equals(lastAssets) ? lastAssets : manifest.assets();
    return new CommitIngested(
        manifest.bookId(),
        manifest.commit(),
        manifest.parent(),
        manifest.author(),
        manifest.message(),
        manifest.committedAt(),
        lastBook,
        chapters,
        lastAssets,
        manifest.changed(),
        manifest.deleted(),
        manifest.snapshot(),
        manifest.warnings());
  }

  /** A commit is no longer kept: the versions only it named go (unless they are the newest). */
  void release(CommitIngested manifest) {
    for (ChapterEntry c : manifest.chapters()) {
      named.computeIfPresent(
          version(c.docId(), c.sha256()),
          (v, kept) -> kept.commits() <= 1 ? null : new Named(kept.entry(), kept.commits() - 1));
      dropIfUnused(c.docId(), c.sha256());
    }
  }

  /**
   * A kept rendering with its title and text (what a diff compares); its headings, links, images
   * and warnings are not kept.
   */
  Optional<RenderedChapter> get(String bookId, String docId, String sha256) {
    Stored stored = byVersion.get(version(docId, sha256));
    if (stored == null) {
      return Optional.empty();
    }
    return Optional.of(
        new RenderedChapter(
            bookId,
            docId,
            sha256,
            stored.rendererVersion(),
            stored.title(),
            inflate(stored.xhtml()),
            List.of(),
            List.of(),
            List.of(),
            List.of()));
  }

  /** How many renderings are held. */
  int size() {
    return byVersion.size();
  }

  private void dropIfUnused(String docId, String sha256) {
    String version = version(docId, sha256);
    if (!named.containsKey(version) && !sha256.equals(newest.get(docId))) {
      byVersion.remove(version);
    }
  }

  private static String version(String docId, String sha256) {
    return docId + "@" + sha256;
  }

  private static byte[] deflate(String text) {
    Deflater deflater = new Deflater(Deflater.BEST_SPEED); // a replay deflates every chapter
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream stream = new DeflaterOutputStream(out, deflater)) {
      stream.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: cannot happen
    } finally {
      deflater.end();
    }
    return out.toByteArray();
  }

  private static String inflate(byte[] deflated) {
    try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(deflated))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // our own bytes: cannot happen
    }
  }
}
