package io.galley.export.pdf;

import io.galley.events.BookMetadata;
import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.events.Heading;
import io.galley.events.PrintSettings;
import io.galley.events.RenderedChapter;
import io.galley.export.Books;
import io.galley.export.edition.BookContent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Books of plain prose for the typesetting tests: chapters of XHTML, set as {@code print} says. */
final class PrintedBooks {

  /** English prose with long words, so that a justified line has something to hyphenate. */
  static final String PROSE =
      "Administrators responsible for international infrastructure understandably prefer"
          + " comprehensive documentation, particularly when unexpected interruptions affect"
          + " communication between independent organisations. Experienced maintainers"
          + " recommend incremental improvements, because extraordinary reorganisations"
          + " occasionally introduce considerable complications that nobody anticipated.";

  private PrintedBooks() {}

  /** {@code n} paragraphs of {@link #PROSE}. */
  static String paragraphs(int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      s.append("<p>").append(i).append(". ").append(PROSE).append("</p>");
    }
    return s.toString();
  }

  /** A book of the chapters {@code xhtml} (docIds c1, c2, ...; headings as given by {@code h}). */
  static BookContent book(
      PrintSettings print, String language, List<List<Heading>> headings, String... xhtml) {
    BookMetadata meta =
        new BookMetadata(
            "printed",
            "Printed",
            null,
            List.of("Ann"),
            language,
            null,
            null,
            null,
            null,
            "A4",
            print,
            false,
            0);
    List<ChapterEntry> entries = new ArrayList<>();
    List<RenderedChapter> chapters = new ArrayList<>();
    for (int i = 0; i < xhtml.length; i++) {
      String docId = "c" + (i + 1);
      String sha = io.galley.events.Digests.sha256Hex(xhtml[i]);
      entries.add(new ChapterEntry(docId, sha, "Chapter " + (i + 1)));
      chapters.add(
          new RenderedChapter(
              "printed",
              docId,
              sha,
              Books.RENDERER,
              "Chapter " + (i + 1),
              xhtml[i],
              headings.isEmpty() ? List.of() : headings.get(i),
              List.of(),
              List.of(),
              List.of()));
    }
    CommitIngested manifest =
        new CommitIngested(
            "printed",
            "2".repeat(40),
            null,
            "a",
            "m",
            Instant.parse("2026-04-04T04:04:04Z"),
            meta,
            entries,
            List.of(),
            List.of(),
            List.of(),
            true,
            List.of());
    return new BookContent(manifest, chapters, Books.assets());
  }
}
