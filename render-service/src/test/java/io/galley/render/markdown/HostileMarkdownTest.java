package io.galley.render.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile Markdown: XSS and resource-fetching vectors leave nothing executable and no reference
 * outside the asset store in the fragment (which the site and the EPUB are built from); the
 * CommonMark project's pathological inputs render, or fall back to plain text, within a bound.
 */
class HostileMarkdownTest {

  private static final Duration BOUND = Duration.ofSeconds(10);
  private static final Pattern EXECUTABLE_URL =
      Pattern.compile(
          "^\\s*(javascript|vbscript|livescript|data:text|data:application|file|jar|ftp):",
          Pattern.CASE_INSENSITIVE);

  static List<String> xssVectors() {
    return List.of(
        "<script>alert(1)</script>",
        "<SCRIPT SRC=http://127.0.0.1:9/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"http://127.0.0.1:9/track.png\">",
        "<img src=\"//127.0.0.1:9/track.png\"> <img src=\"\\\\127.0.0.1\\share\\x.png\"> <img src=\"/\\127.0.0.1/x.png\">",
        "![proto-relative](//127.0.0.1:9/x.png) ![abs](http://127.0.0.1:9/x.png)",
        "<img src=\"file:///etc/passwd\"> <img src=\"jar:file:///tmp/x.jar!/a.png\"> <img src=\"ftp://127.0.0.1/x.png\">",
        "<img srcset=\"http://127.0.0.1:9/a.png 1x\" src=\"asset:x\">",
        "<body onload=alert(1)>text</body>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(1)\">dec</a>",
        "<a href=\"&#x6A;avascript&#x3A;alert(1)\">hex</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">case</a> <a href=\"vbscript:msgbox(1)\">vb</a>",
        "<a href=\"java\nscript:alert(1)\">nl</a>",
        "[md](javascript:alert(1)) [md2](JAVASCRIPT:alert(1)) [md3](<javascript:alert(1)>)",
        "[ref][r]\n\n[r]: javascript:alert(1)",
        "![img](javascript:alert(1)) ![f](file:///etc/passwd) ![j](jar:file:///x!/y) ![ftp](ftp://127.0.0.1/a.png)",
        "<svg><script>alert(1)</script></svg>",
        "<svg onload=alert(1)><image href=\"http://127.0.0.1:9/x.png\"/><use xlink:href=\"file:///etc/passwd#x\"/></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "<iframe src=\"http://127.0.0.1:9/\"></iframe><iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=\"http://127.0.0.1:9/x.swf\"></object><embed src=\"http://127.0.0.1:9/x\">",
        "<link rel=\"stylesheet\" href=\"http://127.0.0.1:9/x.css\"><link rel=import href=\"file:///etc/passwd\">",
        "<style>@import url(http://127.0.0.1:9/x.css); body{background:url('file:///etc/passwd')}</style>",
        "<div style=\"background-image:url(http://127.0.0.1:9/bg.png)\">bg</div>",
        "<p style=\"behavior:url(x.htc);width:expression(alert(1))\">ie</p>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\"><base href=\"http://127.0.0.1:9/\">",
        "<form action=\"javascript:alert(1)\"><button formaction=\"javascript:alert(1)\">b</button></form>",
        "<video poster=\"http://127.0.0.1:9/p.png\"><source src=\"http://127.0.0.1:9/v.mp4\"></video>",
        "<details open ontoggle=alert(1)>d</details>",
        "<input autofocus onfocus=alert(1)>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">data</a>",
        "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<!--><script>alert(1)</script>-->",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "```html\n<script>alert(1)</script>\n```\n",
        "`<script>alert(1)</script>` and <code><script>alert(2)</script></code>");
  }

  @ParameterizedTest
  @MethodSource("xssVectors")
  void leavesNothingExecutableAndNoForeignResource(String markdown) {
    String xhtml =
        assertTimeoutPreemptively(
            BOUND, () -> MarkdownConverterTest.render(markdown + "\n").xhtml());
    Document doc = Jsoup.parseBodyFragment(xhtml);
    for (Element e : doc.body().getAllElements()) {
      assertThat(SafeXhtml.FORBIDDEN_TAGS).as("tag in %s", xhtml).doesNotContain(e.normalName());
      for (Attribute a : e.attributes()) {
        String name = a.getKey().toLowerCase(Locale.ROOT);
        assertThat(name)
            .as("attribute in %s", xhtml)
            .doesNotStartWith("on")
            .isNotIn(
                "style",
                "srcdoc",
                "srcset",
                "formaction",
                "action",
                "poster",
                "background",
                "xlink:href");
        assertThat(a.getValue()).as("%s in %s", name, xhtml).doesNotMatch(EXECUTABLE_URL);
        if (name.equals("src")) {
          // the asset store, an inline image, or a path inside the book: never another host
          assertThat(a.getValue())
              .as("img src in %s", xhtml)
              .matches("^(asset:|data:image/(png|gif|jpeg|webp);|[^:/\\\\]+(/[^:]*)?$).*");
        }
      }
    }
    // code shows the attack as text, escaped; it never becomes markup
    assertThat(xhtml)
        .doesNotContainIgnoringCase("<script")
        .doesNotContainIgnoringCase("javascript:alert");
  }

  static List<String> pathological() {
    int n = 30_000;
    return List.of(
        "[".repeat(n) + "a" + "]".repeat(n),
        "[".repeat(n) + "](" + ")".repeat(n),
        "![".repeat(n) + "a" + "]".repeat(n),
        "*a **a ".repeat(n / 2) + "b" + " a** a*".repeat(n / 2),
        "a_ ".repeat(n),
        "*a_ ".repeat(n),
        "[ a_".repeat(n),
        "a**b ".repeat(n) + "c* ".repeat(n),
        "a***b ".repeat(n) + "c* ".repeat(n),
        "**x* ".repeat(n),
        "a]".repeat(n),
        "[a](<b".repeat(n),
        "[a](b".repeat(n),
        "[a]".repeat(n) + "\n\n[a]: /u\n",
        "`a``".repeat(n),
        "<a".repeat(n) + "\n",
        "> ".repeat(n) + "a\n",
        ">".repeat(n) + " a\n",
        nestedLists(1_000), // 1 MB of indentation; ingest caps chapters at 2 MB
        "- ".repeat(n) + "a\n",
        "1. ".repeat(n) + "a\n",
        "|a|\n|-|\n" + "|b|\n".repeat(n),
        "a\u0000".repeat(n),
        "[^1]".repeat(n) + "\n\n[^1]: " + "[^1]".repeat(100) + "\n",
        "<div>\n".repeat(n),
        "*".repeat(n) + "a" + "*".repeat(n),
        "~".repeat(n) + "a" + "~".repeat(n),
        "https://example.org/" + "(".repeat(n) + " www." + "a.".repeat(n));
  }

  private static String nestedLists(int depth) {
    StringBuilder md = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      md.append("  ".repeat(i)).append("- a\n");
    }
    return md.toString();
  }

  @ParameterizedTest
  @MethodSource("pathological")
  void rendersPathologicalInputWithinABound(String markdown) {
    String xhtml =
        assertTimeoutPreemptively(BOUND, () -> MarkdownConverterTest.render(markdown).xhtml());
    assertThat(xhtml).isNotNull().doesNotContainIgnoringCase("<script");
    assertThat(xhtml.length())
        .as("output stays proportional to the input")
        .isLessThan(markdown.length() * 40 + 10_000);
  }
}
