package io.galley.export;

import io.galley.events.BookMetadata;
import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.events.Digests;
import io.galley.events.Heading;
import io.galley.events.RenderedChapter;
import io.galley.export.edition.BookContent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Test fixtures shaped like a real GitBook repository: an introduction outside any part, then parts
 * of chapters, every third chapter with a nested sub-chapter, each chapter with the same five
 * sections (as "Write the test first" recurs in a book of katas).
 */
public final class StructuredBooks {

  public static final String TITLE = "Learn Go with Tests";
  public static final List<String> SECTIONS =
      List.of(
          "Write the test first",
          "Try to run the test",
          "Write the minimal amount of code",
          "Refactor",
          "Wrapping up");

  private StructuredBooks() {}

  /**
   * A book of {@code chapters} top-level chapters in parts of {@code perPart}, plus the nested
   * ones; numbered with contents depth {@code contentsDepth} when {@code numbering}.
   */
  public static BookContent book(int chapters, int perPart, boolean numbering, int contentsDepth) {
    BookMetadata meta =
        new BookMetadata(
            "learn-go",
            TITLE,
            null,
            List.of("Chris James"),
            "en",
            null,
            null,
            null,
            null,
            "A4",
            null,
            numbering,
            contentsDepth);
    List<ChapterEntry> entries = new ArrayList<>();
    List<RenderedChapter> rendered = new ArrayList<>();
    add(entries, rendered, "README", "Introduction", null, 0, null);
    int top = 0;
    for (int i = 1; i <= chapters; i++) {
      String part = "Part " + ((i - 1) / perPart + 1) + ": fundamentals " + ((i - 1) / perPart + 1);
      top++;
      add(entries, rendered, "ch" + i, "Chapter title " + i, part, 0, numbering ? "" + top : null);
      if (i % 3 == 0) {
        add(
            entries,
            rendered,
            "ch" + i + "/more",
            "Nested kata " + i,
            part,
            1,
            numbering ? top + ".1" : null);
      }
    }
    CommitIngested manifest =
        new CommitIngested(
            "learn-go",
            "2222222222222222222222222222222222222222",
            null,
            "a",
            "m",
            Instant.parse("2026-12-01T00:00:00Z"),
            meta,
            entries,
            List.of(),
            List.of(),
            List.of(),
            true,
            List.of());
    return new BookContent(manifest, rendered, Books.assets());
  }

  private static void add(
      List<ChapterEntry> entries,
      List<RenderedChapter> rendered,
      String docId,
      String title,
      String part,
      int depth,
      String number) {
    String sha = Digests.sha256Hex(docId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    entries.add(new ChapterEntry(docId, sha, title, part, depth, number));
    StringBuilder xhtml = new StringBuilder("<h1 id=\"top\">").append(title).append("</h1>\n");
    List<Heading> headings = new ArrayList<>(List.of(new Heading(1, "top", title)));
    for (int s = 0; s < SECTIONS.size(); s++) {
      String id = "s" + s;
      xhtml.append("<h2 id=\"").append(id).append("\">").append(SECTIONS.get(s)).append("</h2>\n");
      xhtml.append("<p>Some words about ").append(title).append(".</p>\n");
      headings.add(new Heading(2, id, SECTIONS.get(s)));
    }
    rendered.add(
        new RenderedChapter(
            "learn-go",
            docId,
            sha,
            Books.RENDERER,
            title,
            xhtml.toString(),
            headings,
            List.of(),
            List.of(),
            List.of()));
  }
}
