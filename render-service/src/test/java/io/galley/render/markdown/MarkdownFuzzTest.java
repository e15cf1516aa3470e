package io.galley.render.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.galley.events.AssetRef;
import io.galley.events.Heading;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Timeout;
import org.xml.sax.InputSource;

/**
 * Fuzz tests of the Markdown converter and the sanitiser: any input becomes a well-formed XHTML
 * fragment with nothing executable in it (no script or style element, no event handler, no {@code
 * javascript:} or similar URL) and unique heading ids, and neither throws. Under plain JUnit each
 * method replays its seeds in {@code MarkdownFuzzTestInputs/<method>/}; with {@code JAZZER_FUZZ=1}
 * (the {@code fuzz} profile) Jazzer fuzzes one method.
 */
class MarkdownFuzzTest {

  /** Larger inputs are skipped: the size bounds are tested elsewhere, cost per byte is the aim. */
  static final int MAX_INPUT = 64 * 1024;

  private static final Set<String> FORBIDDEN_TAGS =
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

  private static final MarkdownConverter CONVERTER = new MarkdownConverter();
  private static final ChapterContext CHAPTER =
      new ChapterContext(
          "book/guide/setup.md",
          "guide/setup",
          2,
          Set.of("intro", "guide/setup", "guide/usage"),
          List.of(new AssetRef("guide/images/a.png", "a".repeat(64), "image/png")),
          true,
          docId -> docId.equals("intro") ? Set.of("top", "install") : null);

  private final FragmentSanitizer sanitizer = new FragmentSanitizer();

  @FuzzTest(maxDuration = "5m")
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void chapter(byte[] input) throws Exception {
    if (input.length > MAX_INPUT) {
      return;
    }
    ChapterRendering out = CONVERTER.convert(utf8(input), CHAPTER);
    assertSafeXhtml(out.xhtml());
    Set<String> ids = new HashSet<>();
    for (Heading h : out.headings()) {
      assertThat(ids.add(h.id())).as("heading id %s is unique", h.id()).isTrue();
    }
  }

  @FuzzTest(maxDuration = "5m")
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void sanitizer(byte[] input) throws Exception {
    if (input.length > MAX_INPUT) {
      return;
    }
    Document clean = sanitizer.clean(utf8(input), warning -> {});
    assertSafeXhtml(clean.body().html());
  }

  /** Well-formed XML, and nothing a browser or reading system would run or fetch on its own. */
  static void assertSafeXhtml(String xhtml) throws Exception {
    DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
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

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
