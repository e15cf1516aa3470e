package io.galley.export.edition;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class AlignmentTest {

  @Test
  void mapsOnlyTheLegalAlignmentsToCss() {
    assertThat(Alignment.textAlign("left")).hasValue("left");
    assertThat(Alignment.textAlign(" RIGHT ")).hasValue("right");
    assertThat(Alignment.textAlign("justify")).hasValue("justify");
    assertThat(Alignment.textAlign("left;background:url(http://127.0.0.1:9/t)")).isEmpty();
    assertThat(Alignment.textAlign("char")).isEmpty();
    assertThat(Alignment.textAlign(null)).isEmpty();
  }

  @Test
  void dropsAnIllegalAlignInsteadOfCopyingItIntoAStyle() {
    Element root =
        Jsoup.parseBodyFragment(
                "<table><tr><td align=\"left;background:url(http://127.0.0.1:9/t)\">a</td>"
                    + "<td align=\"center\" style=\"color:red\">b</td></tr></table>")
            .body();
    Alignment.toStyle(root);
    assertThat(root.select("td").get(0).attributes().size()).isZero();
    assertThat(root.select("td").get(1).attr("style")).isEqualTo("text-align: center");
    assertThat(root.html()).doesNotContain("url(", "align=");
  }
}
