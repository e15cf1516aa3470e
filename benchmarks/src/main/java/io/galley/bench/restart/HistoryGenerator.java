package io.galley.bench.restart;

import io.galley.events.BookMetadata;
import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.events.Digests;
import io.galley.events.RenderedChapter;
import io.galley.events.SourceDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A deterministic history of commits over several books, commit {@code g} (counted from 0 over all
 * books) belonging to book {@code g % books}. A book's first commit is a snapshot writing every
 * chapter; each later one rewrites one chapter, in turn. Every commit comes with what ingest and
 * render would have published for it: the new sources, their renderings and the manifest naming
 * every chapter at its current hash. Commit times grow by one minute per commit, so a book's newest
 * commit is also its latest by time. The same settings always give the same history, so a longer
 * history is the shorter one with commits appended.
 */
final class HistoryGenerator {

  /** The commit time of commit 0. */
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final int books;
  private final int chapters;
  private final String rendererVersion;
  private final List<Map<String, ChapterVersion>> current = new ArrayList<>();
  private final Map<String, String> lastCommit = new HashMap<>();
  private int next;

  /** One commit with the records ingest and render published for it. */
  record Commit(
      int index,
      CommitIngested manifest,
      List<SourceDocument> sources,
      List<RenderedChapter> rendered) {

    Commit {
      sources = List.copyOf(sources);
      rendered = List.copyOf(rendered);
    }

    String bookId() {
      return manifest.bookId();
    }
  }

  HistoryGenerator(int books, int chapters, String rendererVersion) {
    if (books < 1 || chapters < 1) {
      throw new IllegalArgumentException(
          "books and chapters must be >= 1, got " + books + " and " + chapters);
    }
    this.books = books;
    this.chapters = chapters;
    this.rendererVersion = rendererVersion;
    for (int b = 0; b < books; b++) {
      current.add(new HashMap<>());
    }
  }

  /** The id of the {@code b}-th book. */
  static String bookId(int b) {
    return "restart-book-" + (b + 1);
  }

  /** The id of the {@code c}-th chapter (from 0). */
  static String docId(int c) {
    return String.format("ch-%02d", c + 1);
  }

  /** The git-like commit id of commit {@code g}: 40 hex digits. */
  static String commitId(int g) {
    return Digests.sha256Hex("restart-commit-" + g).substring(0, 40);
  }

  /** The index the next commit will have. */
  int nextIndex() {
    return next;
  }

  /** Each book's newest commit so far ({@code bookId -> commit}). */
  Map<String, String> newestCommits() {
    return Map.copyOf(lastCommit);
  }

  /** The next commit of the history. */
  Commit next() {
    int g = next++;
    int b = g % books;
    int sequence = g / books; // the book's own commit count before this one
    String bookId = bookId(b);
    String commit = commitId(g);
    Map<String, ChapterVersion> chaptersNow = current.get(b);
    List<String> changed = new ArrayList<>();
    if (sequence == 0) {
      for (int c = 0; c < chapters; c++) {
        changed.add(docId(c));
      }
    } else {
      changed.add(docId((sequence - 1) % chapters));
    }
    List<SourceDocument> sources = new ArrayList<>();
    List<RenderedChapter> rendered = new ArrayList<>();
    for (String docId : changed) {
      ChapterVersion previous = chaptersNow.get(docId);
      ChapterVersion now =
          ChapterVersion.of(bookId, docId, previous == null ? 1 : previous.version() + 1);
      chaptersNow.put(docId, now);
      sources.add(now.source(commit));
      rendered.add(now.rendered(rendererVersion));
    }
    List<ChapterEntry> entries = new ArrayList<>();
    for (int c = 0; c < chapters; c++) {
      ChapterVersion v = chaptersNow.get(docId(c));
      entries.add(new ChapterEntry(v.docId(), v.sha256(), v.title()));
    }
    CommitIngested manifest =
        new CommitIngested(
            bookId,
            commit,
            lastCommit.put(bookId, commit),
            "Bench Writer <bench@galley.invalid>",
            "Rewrite " + String.join(", ", changed),
            START.plus(Duration.ofMinutes(g)),
            new BookMetadata(
                bookId,
                "Restart book " + (b + 1),
                null,
                List.of(),
                "en",
                null,
                null,
                null,
                null,
                null),
            entries,
            List.of(),
            changed,
            List.of(),
            sequence == 0,
            List.of());
    return new Commit(g, manifest, sources, rendered);
  }
}
