package io.galley.render.markdown;

import static io.galley.render.markdown.MarkdownConverterTest.assertWellFormed;
import static io.galley.render.markdown.MarkdownConverterTest.render;
import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.Problem;
import org.junit.jupiter.api.Test;

class GitBookBlocksTest {

  @Test
  void rendersEachHintStyleAsACallout() throws Exception {
    String xhtml =
        render(
                """
                {% hint style="info" %}
                Read **this** first.
                {% endhint %}

                {% hint style="warning" %}
                Mind the gap.
                {% endhint %}

                {% hint style="danger" %}
                Do not.
                {% endhint %}

                {% hint style="success" %}
                Done.
                {% endhint %}
                """)
            .xhtml();
    assertThat(xhtml.replace("\n", ""))
        .contains(
            "<div class=\"callout callout-note\"><p class=\"callout-title\">Note</p><p>Read"
                + " <strong>this</strong> first.</p></div>")
        .contains("<div class=\"callout callout-warning\"><p class=\"callout-title\">Warning</p>")
        .contains("<div class=\"callout callout-caution\"><p class=\"callout-title\">Caution</p>")
        .contains("<div class=\"callout callout-tip\"><p class=\"callout-title\">Tip</p>")
        .doesNotContain("{%")
        .doesNotContain("<blockquote>");
    assertWellFormed(xhtml);
  }

  @Test
  void keepsBlocksListsCodeAndNestedHintsInsideAHint() throws Exception {
    String xhtml =
        render(
                """
                {% hint style="info" %}
                - one
                - two

                ```go
                x := 1
                ```
                {% hint style="danger" %}
                Inner.
                {% endhint %}
                Still outer.
                {% endhint %}

                After.
                """)
            .xhtml();
    assertThat(xhtml.replace("\n", ""))
        .contains("<div class=\"callout callout-note\"><p class=\"callout-title\">Note</p><ul>")
        .contains("<pre><code class=\"language-go\">")
        .containsPattern(
            "callout-caution\"><p class=\"callout-title\">Caution</p><p>Inner.</p></div><p>Still"
                + " outer.</p></div><p>After.</p>");
    assertWellFormed(xhtml);
  }

  @Test
  void captionsACodeBlockWithItsTitle() throws Exception {
    String xhtml =
        render(
                """
                {% code title="main.go" overflow="wrap" %}
                ```go
                func main() {}
                ```
                {% endcode %}

                {% code title="notes.txt" %}
                ```
                plain
                ```
                {% endcode %}
                """)
            .xhtml();
    assertThat(xhtml)
        .contains(
            "<figure class=\"code-block\"><figcaption>main.go</figcaption><pre><code"
                + " class=\"language-go\">")
        .contains("<figcaption>notes.txt</figcaption>")
        .doesNotContain("{%")
        .doesNotContain("endcode");
    assertWellFormed(xhtml);
  }

  @Test
  void leavesTagsShownInsideCodeAlone() {
    String xhtml = render("```md\n{% hint style=\"info\" %}\nx\n{% endhint %}\n```\n").xhtml();
    assertThat(xhtml).contains("{% hint style=\"info\" %}").doesNotContain("callout");
  }

  @Test
  void keepsLineNumbersOfWarningsAfterATag() {
    String markdown = "{% hint style=\"info\" %}\nx\n{% endhint %}\n\n[a](missing.md)\n";
    assertThat(GitBookBlocks.rewrite(markdown).split("\n", -1))
        .hasSameSizeAs(markdown.split("\n", -1));
    assertThat(render(markdown).warnings()).extracting(Problem::line).containsExactly(8);
  }
}
