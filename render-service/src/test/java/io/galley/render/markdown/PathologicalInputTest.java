package io.galley.render.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.Heading;
import io.galley.events.Problem;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Inputs whose cost grew faster than their size (issue 16): each converts within a generous bound,
 * as commonmark-java's PathologicalTest does, and its excess becomes plain text with a warning.
 */
// generous: these ran for minutes before (or out of memory); on a loaded 2-core machine a cold
// conversion of 900 KB takes several seconds
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PathologicalInputTest {

  private static final MarkdownConverter converter = new MarkdownConverter();

  private static ChapterRendering render(String markdown) {
    return converter.convert(markdown, MarkdownConverterTest.chapter("guide/setup"));
  }

  private static List<String> messages(ChapterRendering r) {
    return r.warnings().stream().map(Problem::message).toList();
  }

  @Test
  void givesManyIdenticalHeadingsUniqueIdsInLinearTime() {
    Document doc = Jsoup.parse("<h1>a</h1>".repeat(100_000) + "<h2></h2>".repeat(100_000));
    List<Heading> headings = HeadingIds.assign(doc.body());
    assertThat(headings).hasSize(200_000);
    assertThat(headings.get(0).id()).isEqualTo("a");
    assertThat(headings.get(99_999).id()).isEqualTo("a-99999");
    assertThat(headings.get(100_000).id()).isEqualTo("section");
    assertThat(headings.get(199_999).id()).isEqualTo("section-99999");
  }

  @Test
  void skipsSuffixesTakenByHeadingsThatLookSuffixed() {
    Document doc = Jsoup.parse("<h1>a-1</h1><h1>a</h1><h1>a</h1><h1>a</h1><p id=a-3></p>x");
    assertThat(HeadingIds.assign(doc.body()))
        .extracting(Heading::id)
        .containsExactly("a-1", "a", "a-2", "a-4");
  }

  @Test
  void showsARunOfUnclosedAngleBracketsAsPlainText() {
    // each '<' made CommonMark scan the rest of the paragraph for a '>': 1 MB took hours
    ChapterRendering r = render("<a".repeat(500_000) + "\n\nafter <b>bold</b>\n");
    assertThat(messages(r)).anyMatch(m -> m.contains("too many '<' without a closing '>'"));
    assertThat(r.xhtml()).startsWith("<pre>").doesNotContain("<b>");
    // a chapter with a handful of them is read as Markdown
    assertThat(render("a < b and c < d\n\n*e*\n").xhtml()).contains("<em>e</em>");
  }

  @Test
  void convertsManyHeadingsWithinTheBound() {
    for (String line : List.of("#\n", "# a\n")) {
      ChapterRendering r = render(line.repeat(400_000 / line.length()));
      assertThat(r.xhtml()).isNotEmpty();
    }
    ChapterRendering some = render("# a\n".repeat(50_000));
    assertThat(some.headings()).hasSize(50_000);
    assertThat(some.headings().get(49_999).id()).isEqualTo("a-49999");
  }

  @Test
  void showsATableWithTooManyCellsAsPlainText() {
    String markdown =
        "|"
            + "h|".repeat(1_000)
            + "\n|"
            + "-|".repeat(1_000)
            + "\n"
            + "|x\n".repeat(300_000)
            + "\nafter *the table*\n";
    assertThat(markdown.length()).isGreaterThan(900_000);
    ChapterRendering r = render(markdown);
    assertThat(r.xhtml()).doesNotContain("<td").contains("after");
    assertThat(r.xhtml().length()).isLessThan(2 * markdown.length());
    assertThat(r.warnings()).extracting(Problem::line).contains(2 + 3);
    assertThat(messages(r)).anyMatch(m -> m.contains("table has more cells than allowed"));
  }

  @Test
  void keepsTablesUnderTheCapAndCountsAllTablesOfAChapter() {
    MarkdownConverter small = new MarkdownConverter(new MarkdownLimits(6, 10, 1_000, 64));
    String table = "| a | b |\n|---|:-:|\n| 1 | 2 |\n| 3 | 4 |\n\n";
    ChapterRendering r = small.convert(table + table, MarkdownConverterTest.chapter("intro"));
    assertThat(r.xhtml().split("<table", -1)).hasSize(2);
    assertThat(r.xhtml()).contains("| a | b |");
    assertThat(r.warnings()).singleElement().extracting(Problem::line).isEqualTo(7 + 3);
    assertThat(r.warnings().get(0).message()).contains("6 per table, 10 per chapter");
  }

  @Test
  void leavesTableLikeLinesInFencedCodeAlone() {
    MarkdownConverter small = new MarkdownConverter(new MarkdownLimits(4, 10, 1_000, 64));
    ChapterRendering r =
        small.convert(
            "```\n| a | b |\n|---|---|\n| 1 | 2 |\n```\n", MarkdownConverterTest.chapter("intro"));
    assertThat(r.xhtml()).contains("|---|---|").doesNotContain("\\|");
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void parsesLongParagraphsInLinearTime() {
    for (String line : List.of("a\n", "a|b|c\n-:\n", "|a|b|\n|-|\n")) {
      String markdown = line.repeat(300_000 / line.length());
      ChapterRendering r = render(markdown);
      assertThat(r.xhtml().length()).isLessThan(3 * markdown.length());
    }
  }

  @Test
  void showsContentNestedTooDeeplyAsTextAndRendersTheRest() {
    ChapterRendering r = render("> ".repeat(20_000) + "deep\n\nafter *that*\n");
    assertThat(r.xhtml()).contains("<em>that</em>").contains("deep").doesNotContain("<pre>");
    assertThat(r.xhtml().split("<blockquote", -1).length - 1).isLessThanOrEqualTo(64);
    assertThat(messages(r)).anyMatch(m -> m.contains("levels deep"));
  }

  @Test
  void showsAChapterWithTooManyNodesAsPlainText() {
    MarkdownConverter small = new MarkdownConverter(new MarkdownLimits(10, 10, 100, 64));
    ChapterRendering r = small.convert("*a* ".repeat(200), MarkdownConverterTest.chapter("intro"));
    assertThat(r.xhtml()).startsWith("<pre>").doesNotContain("<em>");
    assertThat(messages(r)).anyMatch(m -> m.contains("more than 100 Markdown elements"));
  }
}
