package io.galley.export.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.PrintSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The PDF's body text read back with PDFBox: justified lines end at one right edge, words break
 * with a hyphen at line ends and read back whole, a ragged-right or unhyphenated house style is
 * kept, and page breaks leave no widow, orphan, stranded heading or split code block or table.
 */
class PdfTypographyTest {

  static final PdfEditionBuilder BUILDER = new PdfEditionBuilder("export-test/1", true);

  private static List<PageLines.Line> lines(PrintSettings print, String xhtml) throws Exception {
    byte[] pdf = BUILDER.build(PrintedBooks.book(print, "en", List.of(), xhtml)).bytes();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      List<PageLines.Line> all = PageLines.of(doc, "Chapter 1");
      // the chapter's text: from its first block on (the front matter has none)
      int start = 0;
      while (!all.get(start).text().matches("([0-9]+\\. |\\[).*")) {
        start++;
      }
      return all.subList(start, all.size());
    }
  }

  /** Lines ending at the rightmost edge (within a point), of those that are not last. */
  private static double flushRight(List<PageLines.Line> lines) {
    float edge = (float) lines.stream().mapToDouble(PageLines.Line::right).max().orElseThrow();
    List<PageLines.Line> inner = new ArrayList<>();
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (!lines.get(i + 1).text().matches("[0-9]+\\. .*")) {
        inner.add(lines.get(i)); // not the last line of a paragraph
      }
    }
    return inner.stream().filter(l -> edge - l.right() < 1).count() / (double) inner.size();
  }

  private static long hyphenatedEnds(List<PageLines.Line> lines) {
    return lines.stream().filter(l -> l.text().matches(".*\\p{L}-")).count();
  }

  @Test
  void bodyTextIsJustifiedAndHyphenatedByDefault() throws Exception {
    List<PageLines.Line> lines = lines(PrintSettings.DEFAULTS, PrintedBooks.paragraphs(8));
    assertThat(flushRight(lines)).as("lines flush with the right margin").isGreaterThan(0.95);
    assertThat(hyphenatedEnds(lines)).as("lines ending in a hyphenated word").isPositive();
  }

  @Test
  void aHouseStyleGetsRaggedRightWithoutHyphenation() throws Exception {
    List<PageLines.Line> lines =
        lines(new PrintSettings(false, false, false), PrintedBooks.paragraphs(8));
    assertThat(flushRight(lines)).isLessThan(0.5);
    assertThat(hyphenatedEnds(lines)).isZero();
  }

  @Test
  void hyphenatedWordsReadBackWhole() throws Exception {
    byte[] pdf =
        BUILDER
            .build(
                PrintedBooks.book(
                    PrintSettings.DEFAULTS, "en", List.of(), PrintedBooks.paragraphs(8)))
            .bytes();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).doesNotContain("\u00AD").contains("comprehensive", "communication");
      // a word broken at a line's end reads as its two halves with a hyphen, as in print
      String joined = text.replaceAll("(\\p{L})-\\R(\\p{Ll})", "$1$2");
      assertThat(joined).contains(PrintedBooks.PROSE.substring(0, 60));
    }
  }

  @Test
  void pageBreaksLeaveNoWidowOrphanStrandedHeadingOrSplitCodeOrTable() throws Exception {
    StringBuilder x = new StringBuilder();
    String[] sentences = PrintedBooks.PROSE.split("(?<=\\.) ");
    for (int i = 1; i <= 90; i++) {
      if (i % 7 == 0) {
        x.append("<h2>[H").append(i).append("] Section ").append(i).append("</h2>");
      } else if (i % 11 == 0) {
        x.append("<pre>[C").append(i).append("] first line");
        for (int l = 2; l <= 2 + i % 6; l++) {
          x.append("\nline ").append(l);
        }
        x.append("</pre>");
      } else if (i % 13 == 0) {
        x.append("<table><tr><td>[T").append(i).append("] r1</td></tr>");
        for (int r = 2; r <= 6; r++) {
          x.append("<tr><td>row ").append(r).append("</td></tr>");
        }
        x.append("</table>");
      } else {
        x.append("<p>[P").append(i).append("] ");
        for (int s = 0; s <= i % 5; s++) {
          x.append(sentences[(i + s) % sentences.length]).append(' ');
        }
        x.append("</p>");
      }
    }
    List<PageLines.Line> lines = lines(PrintSettings.DEFAULTS, x.toString());
    // each block's lines by page, in reading order
    Map<String, Map<Integer, Integer>> blocks = new LinkedHashMap<>();
    List<String> order = new ArrayList<>();
    String block = null;
    for (PageLines.Line line : lines) {
      if (line.text().startsWith("[")) {
        block = line.text().substring(1, line.text().indexOf(']'));
        order.add(block);
      }
      if (block != null) {
        blocks
            .computeIfAbsent(block, b -> new LinkedHashMap<>())
            .merge(line.page(), 1, Integer::sum);
      }
    }
    assertThat(order).hasSizeGreaterThan(80);
    int pageBreaksInBlocks = 0;
    for (int i = 0; i < order.size(); i++) {
      String b = order.get(i);
      Map<Integer, Integer> pages = blocks.get(b);
      switch (b.charAt(0)) {
        case 'P', 'C' -> {
          if (pages.size() > 1) {
            pageBreaksInBlocks++;
            assertThat(pages.values()).as("lines of %s on each page", b).allMatch(n -> n >= 2);
          }
        }
        case 'T' -> assertThat(pages).as("pages of table %s", b).hasSize(1);
        case 'H' -> {
          int page = pages.keySet().iterator().next();
          int next = blocks.get(order.get(i + 1)).keySet().iterator().next();
          assertThat(next).as("the first line after heading %s", b).isEqualTo(page);
        }
        default -> throw new AssertionError(b);
      }
    }
    assertThat(pageBreaksInBlocks).as("page breaks inside paragraphs or code").isPositive();
  }
}
