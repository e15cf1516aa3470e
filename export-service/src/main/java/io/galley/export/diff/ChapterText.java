package io.galley.export.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The readable text of a rendered chapter, one entry per block (heading, paragraph, list item,
 * table row, code line), so a diff shows what a reader sees rather than markup.
 */
public final class ChapterText {

  private static final Set<String> BLOCKS =
      Set.of(
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "p",
          "li",
          "tr",
          "dt",
          "dd",
          "figcaption",
          "caption",
          "pre");

  private ChapterText() {}

  /** The blocks of an XHTML fragment, in document order, blank ones left out. */
  public static List<String> lines(String xhtml) {
    Element body = Jsoup.parseBodyFragment(xhtml).body();
    List<String> lines = new ArrayList<>();
    collect(body, lines);
    return lines;
  }

  private static void collect(Element parent, List<String> lines) {
    StringBuilder loose = new StringBuilder();
    for (Node node : parent.childNodes()) {
      if (node instanceof Element el && (BLOCKS.contains(el.normalName()) || hasBlock(el))) {
        flush(loose, lines);
        if (BLOCKS.contains(el.normalName())) {
          block(el, lines);
        } else {
          collect(el, lines);
        }
      } else if (node instanceof Element el) {
        loose.append(inline(el));
      } else if (node instanceof TextNode text) {
        loose.append(text.text());
      }
    }
    flush(loose, lines);
  }

  private static void block(Element el, List<String> lines) {
    String name = el.normalName();
    switch (name) {
      case "pre" ->
          el.wholeText().lines().map(String::stripTrailing).forEach(l -> add("    " + l, lines));
      case "tr" -> add("| " + String.join(" | ", el.children().eachText()) + " |", lines);
      case "li" -> {
        Element copy = el.clone();
        copy.select("ul, ol").remove();
        add("• " + copy.text(), lines);
        for (Element nested : el.select("> ul > li, > ol > li")) {
          block(nested, lines);
        }
      }
      default -> {
        if (name.matches("h[1-6]")) {
          add("#".repeat(name.charAt(1) - '0') + " " + el.text(), lines);
        } else if (hasBlock(el)) {
          collect(el, lines);
        } else {
          add(inline(el), lines);
        }
      }
    }
  }

  private static String inline(Element el) {
    StringBuilder text = new StringBuilder(el.text());
    for (Element img : el.select("img[alt]")) {
      text.append(" [image: ").append(img.attr("alt")).append(']');
    }
    if (el.normalName().equals("img")) {
      return "[image: " + el.attr("alt") + "]";
    }
    return text.toString();
  }

  private static boolean hasBlock(Element el) {
    for (Element child : el.children()) {
      if (BLOCKS.contains(child.normalName()) || hasBlock(child)) {
        return true;
      }
    }
    return false;
  }

  private static void flush(StringBuilder loose, List<String> lines) {
    add(loose.toString(), lines);
    loose.setLength(0);
  }

  private static void add(String line, List<String> lines) {
    String normalized =
        line.startsWith("    ") ? line.stripTrailing() : line.strip().replaceAll("\\s+", " ");
    if (!normalized.isBlank()) {
      lines.add(normalized);
    }
  }
}
