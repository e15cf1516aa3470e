package io.galley.export.epub;

import static io.galley.export.epub.Xml.escape;

import io.galley.export.edition.BookContent;
import io.galley.export.edition.BookOutline;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The contents of the EPUB as the navigation document's nested list and the NCX's nested navPoints,
 * both from one {@link BookOutline} of the book's contents depth.
 */
final class EpubContents {

  private final BookOutline outline;
  private final Map<String, Integer> playOrder = new HashMap<>();
  private int points;

  EpubContents(BookContent book) {
    this.outline = BookOutline.of(book, BookOutline.contentsDepth(book));
  }

  /** How deep the navPoints nest, for the NCX's {@code dtb:depth}. */
  int depth() {
    return depth(outline.nodes());
  }

  /** The {@code <ol>} of the navigation document's toc nav. */
  String navList() {
    StringBuilder out = new StringBuilder();
    navList(out, outline.nodes());
    return out.toString();
  }

  /** The NCX's navPoints; each target keeps one playOrder, as a part shares its first chapter's. */
  String navPoints() {
    StringBuilder out = new StringBuilder();
    navPoints(out, outline.nodes());
    return out.toString();
  }

  private static void navList(StringBuilder out, List<BookOutline.Node> nodes) {
    out.append("<ol>\n");
    for (BookOutline.Node node : nodes) {
      if (node.kind() == BookOutline.Kind.PART) {
        // a part is a heading of the list, not a place: the nav's span + ol form
        out.append("<li><span>").append(escape(node.label())).append("</span>");
      } else {
        out.append("<li><a href=\"")
            .append(target(node))
            .append("\">")
            .append(escape(node.label()))
            .append("</a>");
      }
      if (!node.children().isEmpty()) {
        out.append('\n');
        navList(out, node.children());
      }
      out.append("</li>\n");
    }
    out.append("</ol>\n");
  }

  private void navPoints(StringBuilder out, List<BookOutline.Node> nodes) {
    for (BookOutline.Node node : nodes) {
      String target = target(node);
      int order = playOrder.computeIfAbsent(target, t -> playOrder.size() + 1);
      points++;
      out.append("<navPoint id=\"np-")
          .append(points)
          .append("\" playOrder=\"")
          .append(order)
          .append("\"><navLabel><text>")
          .append(escape(node.label()))
          .append("</text></navLabel><content src=\"")
          .append(target)
          .append("\"/>\n");
      navPoints(out, node.children());
      out.append("</navPoint>\n");
    }
  }

  private static String target(BookOutline.Node node) {
    String file = EpubChapters.fileName(node.chapter() + 1);
    return node.heading() == null ? file : file + "#" + escape(node.heading());
  }

  private static int depth(List<BookOutline.Node> nodes) {
    int max = 0;
    for (BookOutline.Node node : nodes) {
      max = Math.max(max, 1 + depth(node.children()));
    }
    return max;
  }
}
