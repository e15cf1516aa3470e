package io.galley.export.epub;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz test of the EPUB's last line of defence: whatever markup reaches it, {@link
 * UnsafeMarkupFilter} leaves no executable element or attribute and no reference a reading system
 * would fetch from outside the book, and does not throw. Under plain JUnit it replays its seeds in
 * {@code UnsafeMarkupFilterFuzzTestInputs/strip/}; with {@code JAZZER_FUZZ=1} Jazzer fuzzes it.
 */
class UnsafeMarkupFilterFuzzTest {

  static final int MAX_INPUT = 64 * 1024;

  private static final Set<String> UNSAFE_TAGS =
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
          "audio",
          "video",
          "source",
          "track",
          "template",
          "portal");
  private static final Set<String> URL_ATTRIBUTES =
      Set.of("href", "src", "xlink:href", "cite", "action", "formaction", "poster", "data");
  private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.-]*):.*", Pattern.DOTALL);
  private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto", "doc", "asset");

  @FuzzTest(maxDuration = "5m")
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void strip(byte[] input) {
    if (input.length > MAX_INPUT) {
      return;
    }
    String markup = new String(input, StandardCharsets.UTF_8);
    // as EpubChapters reads a rendered fragment
    Element root = Jsoup.parse("<div>" + markup + "</div>", "", Parser.xmlParser()).child(0);
    UnsafeMarkupFilter.strip(root);
    for (Element e : root.getAllElements()) {
      String tag = e.normalName();
      assertThat(UNSAFE_TAGS).as("element in %s", root).doesNotContain(tag);
      for (Attribute a : e.attributes()) {
        String name = a.getKey().toLowerCase(Locale.ROOT);
        assertThat(name).as("attribute in %s", root).doesNotStartWith("on");
        assertThat(name).as("attribute in %s", root).isNotIn("style", "srcdoc", "srcset");
        if (URL_ATTRIBUTES.contains(name)) {
          assertThat(leavesTheBook(tag, name, a.getValue()))
              .as("%s=%s on %s", name, a.getValue(), tag)
              .isFalse();
        }
      }
    }
  }

  /** Found by fuzzing (seed crash-backslash-host-image): browsers read /\\host as //host. */
  @Test
  void dropsImageSourcesThatNameAnotherHost() {
    Element root =
        Jsoup.parse("<div><img src=\"/\\127.0.0.1:9/t.png\"/></div>", "", Parser.xmlParser());

    UnsafeMarkupFilter.strip(root);

    assertThat(root.selectFirst("img").hasAttr("src")).isFalse();
  }

  /** A protocol-relative link ({@code [x](//host/)} passes render's sanitiser) threw. */
  @Test
  void dropsProtocolRelativeLinksWithoutThrowing() {
    Element root =
        Jsoup.parse("<div><a href=\"//example.org/\">x</a></div>", "", Parser.xmlParser());

    UnsafeMarkupFilter.strip(root);

    assertThat(root.selectFirst("a").hasAttr("href")).isFalse();
  }

  /** Whether a reading system would fetch or run the URL, as a browser reads it. */
  private static boolean leavesTheBook(String tag, String attribute, String value) {
    String v = value.toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Cntrl}]", "");
    if (v.startsWith("//") || v.startsWith("\\") || v.startsWith("/\\")) {
      return true;
    }
    var scheme = SCHEME.matcher(v);
    if (!scheme.matches() || v.indexOf('/') >= 0 && v.indexOf('/') < v.indexOf(':')) {
      return false; // relative
    }
    String s = scheme.group(1);
    return tag.equals("a") && attribute.equals("href")
        ? !LINK_SCHEMES.contains(s)
        : !s.equals("asset");
  }
}
