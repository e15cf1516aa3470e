package io.galley.render.markdown;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Cleans rendered HTML with a jsoup safelist: no scripts, styles, frames, objects or event
 * handlers; URLs only with safe schemes; remote images become links. The result serialises as
 * XHTML. Thread-safe.
 */
final class FragmentSanitizer {

  private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto", "doc", "asset");
  private static final Pattern DATA_IMAGE =
      Pattern.compile("^data:image/(png|gif|jpeg|webp);base64,[a-z0-9+/=\\s]*$");
  private static final int MAX_DATA_IMAGE = 64 * 1024;

  private final Safelist safelist =
      new Safelist()
          .addTags(
              "a",
              "abbr",
              "b",
              "blockquote",
              "br",
              "caption",
              "cite",
              "code",
              "col",
              "colgroup",
              "dd",
              "del",
              "details",
              "div",
              "dl",
              "dt",
              "em",
              "figcaption",
              "figure",
              "h1",
              "h2",
              "h3",
              "h4",
              "h5",
              "h6",
              "hr",
              "i",
              "img",
              "input",
              "ins",
              "kbd",
              "li",
              "mark",
              "ol",
              "p",
              "pre",
              "q",
              "s",
              "samp",
              "section",
              "small",
              "span",
              "strike",
              "strong",
              "sub",
              "summary",
              "sup",
              "table",
              "tbody",
              "td",
              "tfoot",
              "th",
              "thead",
              "tr",
              "u",
              "ul",
              "var")
          .addAttributes(":all", "id", "class", "title", "lang", "dir")
          .addAttributes("a", "href")
          .addAttributes("img", "src", "alt", "width", "height")
          .addAttributes("input", "type", "checked", "disabled")
          .addAttributes("td", "align", "colspan", "rowspan")
          .addAttributes("th", "align", "colspan", "rowspan")
          .addAttributes("ol", "start")
          .addAttributes("blockquote", "cite")
          .addAttributes("q", "cite")
          .addAttributes("col", "span")
          .addAttributes("details", "open");

  /** The cleaned document; problems with raw HTML (remote images) go to {@code warn}. */
  Document clean(String html, Consumer<String> warn) {
    Document dirty = Parser.htmlParser().parseInput("<body>" + html + "</body>", "");
    Document clean = new Cleaner(safelist).clean(dirty);
    AttributeValues.limit(clean.body());
    for (Element e : clean.select("[href], [cite]")) {
      for (String attr : List.of("href", "cite")) {
        if (e.hasAttr(attr) && !safeLink(e.attr(attr))) {
          e.removeAttr(attr);
        }
      }
    }
    for (Element img : clean.select("img")) {
      checkImage(img, warn);
    }
    for (Element input : clean.select("input")) {
      if (!"checkbox".equalsIgnoreCase(input.attr("type"))) {
        input.remove();
      } else {
        input.attr("disabled", "disabled");
      }
    }
    for (Element a : clean.select("a[href]")) {
      String href = a.attr("href").toLowerCase(Locale.ROOT);
      if (href.startsWith("http:") || href.startsWith("https:")) {
        a.attr("rel", "noopener");
      }
    }
    clean
        .outputSettings()
        .syntax(Document.OutputSettings.Syntax.xml)
        .escapeMode(Entities.EscapeMode.xhtml)
        .prettyPrint(false)
        .charset("UTF-8");
    return clean;
  }

  private void checkImage(Element img, Consumer<String> warn) {
    String src = normalise(img.attr("src"));
    if (src.startsWith("asset:")) {
      return;
    }
    if (src.startsWith("data:")
        && src.length() <= MAX_DATA_IMAGE
        && DATA_IMAGE.matcher(src).matches()) {
      return;
    }
    String alt = img.attr("alt");
    // protocol-relative (//host, and the backslash forms browsers accept) is remote too
    boolean remote = src.startsWith("//") || src.startsWith("\\") || src.startsWith("/\\");
    if (src.startsWith("http:") || src.startsWith("https:") || remote) {
      warn.accept("remote image '" + img.attr("src") + "' is not fetched; shown as a link");
      Element a = new Element("a").attr("href", img.attr("src")).attr("rel", "noopener");
      a.text(alt.isBlank() ? img.attr("src") : alt);
      img.replaceWith(a);
    } else if (src.isEmpty() || BookPaths.hasScheme(src)) {
      img.replaceWith(new TextNode(alt));
    }
  }

  private static boolean safeLink(String value) {
    String v = normalise(value);
    if (v.isEmpty() || v.startsWith("#")) {
      return true;
    }
    int colon = v.indexOf(':');
    int end = firstOf(v, "/?#");
    if (colon < 0 || (end >= 0 && end < colon)) {
      return true; // relative
    }
    return LINK_SCHEMES.contains(v.substring(0, colon));
  }

  /** Lower case without whitespace or control characters, as a browser reads a scheme. */
  private static String normalise(String url) {
    StringBuilder s = new StringBuilder(url.length());
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c > 0x20 && c != 0x7f) {
        s.append(Character.toLowerCase(c));
      }
    }
    return s.toString();
  }

  private static int firstOf(String s, String chars) {
    int best = -1;
    for (char c : chars.toCharArray()) {
      int i = s.indexOf(c);
      if (i >= 0 && (best < 0 || i < best)) {
        best = i;
      }
    }
    return best;
  }
}
