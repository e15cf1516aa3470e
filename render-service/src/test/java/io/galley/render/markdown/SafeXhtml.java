package io.galley.render.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.xml.sax.InputSource;

/**
 * What the fuzz tests assert of every fragment: well-formed XML with nothing a browser or reading
 * system would run or fetch by itself (no script or style element, no event handler, no {@code
 * javascript:} or similar URL).
 */
final class SafeXhtml {

  /** Elements no fragment may hold: they run, fetch or submit something by themselves. */
  static final Set<String> FORBIDDEN_TAGS =
      Set.of(
          "script",
          "style",
          "link",
          "meta",
          "base",
          "iframe",
          "frame",
          "frameset",
          "object",
          "embed",
          "applet",
          "form",
          "button",
          "textarea",
          "select",
          "svg",
          "math",
          "video",
          "audio",
          "source",
          "track",
          "template",
          "noscript",
          "portal");

  private static final Set<String> FORBIDDEN_ATTRIBUTES =
      Set.of(
          "style",
          "srcdoc",
          "srcset",
          "formaction",
          "action",
          "poster",
          "background",
          "xlink:href");
  private static final Pattern EXECUTABLE_URL =
      Pattern.compile(
          "^(javascript|vbscript|livescript|data:text|data:application|file|jar|ftp):.*",
          Pattern.DOTALL);

  private SafeXhtml() {}

  /** Well-formed XML, and nothing a browser or reading system would run or fetch on its own. */
  static void assertSafe(String xhtml) throws Exception {
    DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
    // a fragment has no DOCTYPE: one in the output fails the test instead of being resolved
    xml.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    xml.newDocumentBuilder().parse(new InputSource(new StringReader("<div>" + xhtml + "</div>")));
    for (Element e : Jsoup.parseBodyFragment(xhtml).body().getAllElements()) {
      assertThat(FORBIDDEN_TAGS).as("tag in %s", xhtml).doesNotContain(e.normalName());
      for (Attribute a : e.attributes()) {
        String name = a.getKey().toLowerCase(Locale.ROOT);
        assertThat(name).as("attribute in %s", xhtml).doesNotStartWith("on");
        assertThat(FORBIDDEN_ATTRIBUTES).as("attribute in %s", xhtml).doesNotContain(name);
        assertThat(asBrowserReads(a.getValue()))
            .as("%s in %s", name, xhtml)
            .doesNotMatch(EXECUTABLE_URL);
      }
    }
  }

  /** A URL as a browser reads its scheme: lower case, no whitespace or control characters. */
  private static String asBrowserReads(String url) {
    StringBuilder s = new StringBuilder(url.length());
    url.codePoints()
        .filter(c -> c > 0x20 && c != 0x7f)
        .forEach(c -> s.appendCodePoint(Character.toLowerCase(c)));
    return s.toString();
  }
}
