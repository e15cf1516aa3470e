package io.galley.render.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.Problem;
import org.junit.jupiter.api.Test;

/**
 * Nothing the sanitiser lets through is reinterpreted later (issue 16, item 5): {@code doc:} and
 * {@code asset:} name only the book's own chapters and images, attribute values stay legal.
 */
class InternalLinksAndAttributesTest {

  private static ChapterRendering render(String markdown) {
    return MarkdownConverterTest.render(markdown);
  }

  @Test
  void showsADocLinkToNoChapterOfTheBookAsTextWithAWarning() {
    ChapterRendering r =
        render("[x](doc:javascript:alert(1)) [y](DOC:javascript:alert(1)) [z](asset:nope)\n");
    assertThat(r.xhtml()).doesNotContain("<a").doesNotContain("javascript").contains("x y z");
    assertThat(r.warnings())
        .extracting(Problem::message)
        .filteredOn(m -> m.contains("names no chapter or image of this book"))
        .hasSize(3);
    assertThat(r.warnings()).extracting(Problem::line).contains(1 + 3);
  }

  @Test
  void showsRawHtmlDocAndAssetReferencesToNothingAsText() {
    ChapterRendering r =
        render(
            "<a href=\"doc:javascript:alert(1)\">raw</a> <img src=\"asset:nope\" alt=\"pic\">\n");
    assertThat(r.xhtml()).doesNotContain("href").doesNotContain("<img").contains("raw pic");
    assertThat(r.warnings()).hasSize(2);
  }

  @Test
  void keepsDocAndAssetReferencesToTheBook() {
    ChapterRendering r =
        render(
            "[a](doc:intro#top) [b](asset:"
                + MarkdownConverterTest.PNG_SHA
                + ") [c](../intro.md)\n");
    assertThat(r.xhtml())
        .contains("href=\"doc:intro#top\"")
        .contains("href=\"asset:" + MarkdownConverterTest.PNG_SHA + "\"")
        .contains("href=\"doc:intro\"");
  }

  @Test
  void dropsAttributeValuesThatAreNotLegal() {
    ChapterRendering r =
        render(
            """
            <table><tr>
            <td align="left;background:url(http://127.0.0.1:9/t)">a</td>
            <td align=" Center ">b</td>
            <td colspan="2;x" dir="sideways" lang="en-GB">c</td>
            </tr></table>

            | l | r |
            |:--|--:|
            | 1 | 2 |
            """);
    assertThat(r.xhtml())
        .doesNotContain("127.0.0.1")
        .doesNotContain("colspan")
        .doesNotContain("sideways")
        .contains("<td>a</td>")
        .contains("<td align=\"center\">b</td>")
        .contains("lang=\"en-gb\"")
        .contains("<td align=\"left\">1</td>")
        .contains("<td align=\"right\">2</td>");
  }
}
