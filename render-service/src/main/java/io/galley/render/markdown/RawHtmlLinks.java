package io.galley.render.markdown;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Resolves the links ({@code <a href>}) and images ({@code <img src>}) written as raw HTML in a
 * chapter like Markdown ones, after sanitising; their source positions are taken from the raw HTML
 * nodes before rendering so warnings point at the tag.
 */
final class RawHtmlLinks {

  private static final Pattern TAG = Pattern.compile("(?i)<(a|img)(\\s[^>]*)?>");
  private static final Pattern ATTR =
      Pattern.compile("(?i)\\s(href|src)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+))");

  /** Line and column of each raw tag attribute, by {@code tag attr value}, in document order. */
  private final Map<String, Deque<int[]>> positions = new HashMap<>();

  private RawHtmlLinks() {}

  /** Notes where the raw HTML of {@code document} has links and images. */
  static RawHtmlLinks in(Node document, int frontMatterLines) {
    RawHtmlLinks raw = new RawHtmlLinks();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(HtmlInline html) {
            raw.note(html.getLiteral(), html.getSourceSpans(), frontMatterLines);
          }

          @Override
          public void visit(HtmlBlock html) {
            raw.note(html.getLiteral(), html.getSourceSpans(), frontMatterLines);
          }
        });
    return raw;
  }

  private void note(String literal, List<SourceSpan> spans, int frontMatterLines) {
    if (literal == null || spans.isEmpty()) {
      return;
    }
    Matcher tag = TAG.matcher(literal);
    while (tag.find()) {
      int start = tag.start();
      int lineNo = 0;
      int lineStart = 0;
      for (int i = 0; i < start; i++) {
        if (literal.charAt(i) == '\n') {
          lineNo++;
          lineStart = i + 1;
        }
      }
      SourceSpan span = spans.get(Math.min(lineNo, spans.size() - 1));
      int line = span.getLineIndex() + 1 + frontMatterLines;
      int column = span.getColumnIndex() + 1 + (start - lineStart);
      Matcher attr = ATTR.matcher(tag.group(2) == null ? "" : tag.group(2));
      while (attr.find()) {
        String value = attr.group(2) != null ? attr.group(2) : attr.group(3);
        value = value != null ? value : attr.group(4);
        positions
            .computeIfAbsent(
                key(tag.group(1), attr.group(1), Parser.unescapeEntities(value, true)),
                k -> new ArrayDeque<>())
            .add(new int[] {line, column});
      }
    }
  }

  private static String key(String tag, String attr, String value) {
    return tag.toLowerCase(java.util.Locale.ROOT)
        + " "
        + attr.toLowerCase(java.util.Locale.ROOT)
        + " "
        + value;
  }

  /** Rewrites relative raw links and images under {@code body}; broken ones are unwrapped. */
  void resolve(Element body, LinkResolver links) {
    for (Element a : body.select("a[href]")) {
      int[] at = take("a", "href", a.attr("href"));
      if (at != null) {
        String href = links.href(a.attr("href"), at[0], at[1]);
        if (href == null) {
          a.unwrap();
        } else {
          a.attr("href", href);
        }
      }
    }
    for (Element img : body.select("img[src]")) {
      int[] at = take("img", "src", img.attr("src"));
      if (at != null) {
        String src = links.src(img.attr("src"), at[0], at[1]);
        if (src == null) {
          img.replaceWith(new TextNode(img.attr("alt")));
        } else {
          img.attr("src", src);
        }
      }
    }
  }

  /** The position of a raw relative link with this value, null for anything else. */
  private int[] take(String tag, String attr, String value) {
    if (value.isEmpty() || BookPaths.hasScheme(value) || value.startsWith("//")) {
      return null;
    }
    Deque<int[]> at = positions.get(key(tag, attr, value));
    return at == null ? null : at.poll();
  }
}
