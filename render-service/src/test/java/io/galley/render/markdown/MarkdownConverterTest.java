package io.galley.render.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.AssetRef;
import io.galley.events.Heading;
import io.galley.events.Problem;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

class MarkdownConverterTest {

  static final MarkdownConverter converter = new MarkdownConverter();
  static final String PNG_SHA = "a".repeat(64);

  static ChapterContext chapter(String docId) {
    return new ChapterContext(
        "book/" + docId + ".md",
        docId,
        3,
        Set.of("intro", "guide/setup", "guide/usage", "appendix/faq"),
        List.of(new AssetRef("images/diagram.png", PNG_SHA, "image/png")),
        true);
  }

  static ChapterRendering render(String markdown) {
    return converter.convert(markdown, chapter("guide/setup"));
  }

  static void assertWellFormed(String xhtml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.newDocumentBuilder().parse(new InputSource(new StringReader("<div>" + xhtml + "</div>")));
  }

  @Test
  void rendersTablesAsWellFormedXhtml() throws Exception {
    String xhtml =
        render(
                """
                | a | b |
                |---|:-:|
                | 1 | 2 |

                - [x] done
                - [ ] todo

                Line<br>break &nbsp; ~~gone~~
                """)
            .xhtml();
    assertThat(xhtml)
        .contains("<table>", "<th>a</th>", "<td align=\"center\">2</td>", "<del>gone</del>");
    assertThat(xhtml).contains("type=\"checkbox\"");
    assertWellFormed(xhtml);
  }

  @Test
  void givesHeadingsUniqueGithubStyleIds() {
    ChapterRendering r =
        render(
            """
            # Getting Started!
            ## Install
            ## Install
            ## Install
            ### Ünïcode & Co.
            """);
    assertThat(r.headings())
        .containsExactly(
            new Heading(1, "getting-started", "Getting Started!"),
            new Heading(2, "install", "Install"),
            new Heading(2, "install-1", "Install"),
            new Heading(2, "install-2", "Install"),
            new Heading(3, "ünïcode--co", "Ünïcode & Co."));
    assertThat(r.xhtml()).contains("<h2 id=\"install-2\">Install</h2>");
  }

  @Test
  void turnsChapterLinksIntoDocRefs() {
    ChapterRendering r =
        render(
            """
            See [usage](usage.md), [intro](../intro.md#why), [faq](../appendix/faq.md)
            and [below](#install), [web](https://example.com/x).

            ## Install
            """);
    assertThat(r.xhtml())
        .contains("href=\"doc:guide/usage\"", "href=\"doc:intro#why\"", "href=\"doc:appendix/faq\"")
        .contains("href=\"#install\"")
        .contains("<a href=\"https://example.com/x\" rel=\"noopener\">web</a>");
    assertThat(r.docRefs()).containsExactly("guide/usage", "intro", "appendix/faq");
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void warnsAboutLinkToMissingChapterWithFileLine() {
    ChapterRendering r = render("# Title\n\nText\nand [gone](missing.md) here.\n");
    assertThat(r.warnings()).hasSize(1);
    Problem p = r.warnings().get(0);
    // body line 4, plus 3 front matter lines
    assertThat(p.toString())
        .startsWith("book/guide/setup.md:7:5: warning: link to missing chapter");
    assertThat(r.xhtml()).contains("and gone here.").doesNotContain("missing.md");
  }

  @Test
  void turnsLocalImagesIntoAssetRefs() {
    ChapterRendering r = render("![Diagram](../images/diagram.png \"The diagram\")\n");
    assertThat(r.xhtml()).contains("src=\"asset:" + PNG_SHA + "\"", "alt=\"Diagram\"");
    assertThat(r.assets()).extracting(AssetRef::sha256).containsExactly(PNG_SHA);
  }

  @Test
  void neverFetchesRemoteImages() {
    ChapterRendering r = render("Intro\n\n![A cat](https://cats.example/cat.png)\n");
    assertThat(r.xhtml())
        .doesNotContain("<img")
        .contains("<a href=\"https://cats.example/cat.png\" rel=\"noopener\">A cat</a>");
    assertThat(r.warnings()).singleElement().asString().contains(":6:", "remote image");
  }

  @Test
  void removesScriptTagsAndEventHandlers() {
    String xhtml =
        render(
                """
                <script>alert(1)</script>

                <img src="x.png" onerror="alert(2)"> <b onclick="alert(3)">bold</b>

                <style>body{display:none}</style><iframe src="https://evil"></iframe>
                <object data="x"></object>
                """)
            .xhtml();
    assertThat(xhtml.toLowerCase())
        .doesNotContain("<script", "alert", "onerror", "onclick", "<style", "<iframe", "<object")
        .contains("<b>bold</b>");
  }

  @Test
  void removesJavascriptUrlsInMarkdownAndHtml() {
    String xhtml =
        render(
"""
[md](javascript:alert(1)) [enc](jav&#x61;script:alert(2))
<a href="javascript:alert(3)">html</a> <a href="jav&#x61;script:alert(4)">ent</a>
<a href=" java\tscript:alert(5)">ws</a> <a href="data:text/html,<script>x</script>">d</a>
<img src="data:image/png;base64,iVBORw0KGgo=" alt="tiny">
""")
            .xhtml();
    assertThat(xhtml.toLowerCase()).doesNotContain("javascript", "script:", "data:text");
    assertThat(xhtml).contains("src=\"data:image/png;base64,iVBORw0KGgo=\"");
  }

  @Test
  void dropsSvgWithScript() {
    String xhtml =
        render("<svg onload=\"alert(1)\"><script>alert(2)</script><circle r=\"1\"/></svg>\n")
            .xhtml();
    assertThat(xhtml.toLowerCase()).doesNotContain("svg", "script", "alert", "onload");
  }

  @Test
  void highlightsGoKeywords() {
    String xhtml = render("```go\npackage main\n\nfunc main() {\n\treturn\n}\n```\n").xhtml();
    assertThat(xhtml)
        .contains("<code class=\"language-go\">")
        .contains("<span class=\"tok-keyword\">package</span>")
        .contains("<span class=\"tok-keyword\">func</span>");
  }

  @Test
  void escapesCodeInUnknownLanguages() {
    String xhtml = render("```klingon\n<b>&</b>\n```\n").xhtml();
    assertThat(xhtml).contains("&lt;b&gt;&amp;&lt;/b&gt;").doesNotContain("tok-");
  }

  @Test
  void marksDiffLines() {
    String xhtml = render("```diff\n-old\n+new\n same\n```\n").xhtml();
    assertThat(xhtml)
        .contains("<span class=\"diff-del\">-old</span>", "<span class=\"diff-add\">+new</span>");
  }

  @Test
  void turnsFenceTitleIntoCaption() {
    String xhtml = render("```go title=\"main.go\"\nfunc main() {}\n```\n").xhtml();
    assertThat(xhtml)
        .contains(
            "<figure class=\"code-block\"><figcaption>main.go</figcaption><pre><code"
                + " class=\"language-go\">");
  }

  @Test
  void turnsGithubAlertsIntoCallouts() throws Exception {
    String xhtml = render("> [!WARNING]\n> Mind the **gap**.\n\n> plain quote\n").xhtml();
    assertThat(xhtml)
        .contains("<div class=\"callout callout-warning\"><p class=\"callout-title\">Warning</p>")
        .contains("Mind the <strong>gap</strong>.")
        .contains("<blockquote>")
        .doesNotContain("[!WARNING]");
    assertWellFormed(xhtml);
  }

  @Test
  void rendersFootnotes() throws Exception {
    String xhtml = render("Text[^1].\n\n[^1]: The note.\n").xhtml();
    assertThat(xhtml).contains("The note.");
    assertWellFormed(xhtml);
  }

  @Test
  @org.junit.jupiter.api.Timeout(10)
  void survivesPathologicalNesting() {
    String deep = ">".repeat(20_000) + " x\n" + "[".repeat(50_000) + "\n";
    ChapterRendering r = render(deep);
    assertThat(r.xhtml()).isNotEmpty().doesNotContain("<script");
    String emphasis = "*a **a ".repeat(20_000) + "b" + " a** a*".repeat(20_000);
    assertThat(render(emphasis).xhtml()).contains("b");
  }

  @Test
  void previewLeavesRelativeLinksAlone() {
    String html = converter.preview("[x](other.md) <a href=\"javascript:x()\">y</a>\n");
    assertThat(html).contains("href=\"other.md\"").doesNotContain("javascript");
  }
}
