package io.galley.ingest.book;

import io.galley.markdown.MarkdownReader;
import io.galley.markdown.SourceGuard;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/**
 * Finds the images, chapter links and first heading of a chapter's Markdown in the syntax tree of
 * the parser render publishes with ({@link MarkdownReader}), so code is never mistaken for a
 * reference and a reference is never missed that render would resolve. It reads with {@link
 * MarkdownReader#referenceParser()}, which parses the same blocks but skips the inlines of text
 * that cannot hold a reference: a 270-chapter first commit took a third of the CPU time to read.
 */
final class MarkdownRefs {

  /**
   * A reference found in a text.
   *
   * @param target the path or URL as written (escapes and entities resolved)
   * @param line 1-based line in the text where it is written; for a reference-style image or link,
   *     the line of its definition
   */
  record Ref(String target, int line) {}

  /**
   * What a chapter refers to.
   *
   * @param images images in line order: inline, reference-style and {@code <img src>} in raw HTML
   * @param chapterLinks links to {@code *.md} files (anchor removed), in line order
   * @param firstHeading the text of the first top-level level-1 heading as written, or null
   */
  record Refs(List<Ref> images, List<Ref> chapterLinks, String firstHeading) {}

  private static final Refs NONE = new Refs(List.of(), List.of(), null);

  private static final Pattern IMG_TAG =
      Pattern.compile("(?i)<img\\b[^>]*?\\bsrc\\s*=\\s*[\"']([^\"']+)[\"']");
  private static final Pattern ATX = Pattern.compile("^ {0,3}#[ \\t]+(.+?)(?:[ \\t]+#+)?[ \\t]*$");
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

  private MarkdownRefs() {}

  static List<Ref> images(String markdown) {
    return read(markdown).images();
  }

  static List<Ref> chapterLinks(String markdown) {
    return read(markdown).chapterLinks();
  }

  /**
   * Reads a chapter body as render does: past the parser's work limits ({@link
   * MarkdownReader#readsAsPlainText}), or nested too deep to parse, render shows it as plain text,
   * and so it refers to nothing.
   */
  static Refs read(String markdown) {
    if (MarkdownReader.readsAsPlainText(markdown)) {
      return NONE;
    }
    SourceGuard.Guarded guarded = SourceGuard.limit(markdown, SourceGuard.Limits.DEFAULTS);
    try {
      Node document = MarkdownReader.referenceParser().parse(guarded.markdown());
      return new Walk(guarded).run(document);
    } catch (StackOverflowError e) {
      return NONE;
    }
  }

  static boolean isRemote(String target) {
    String t = target.toLowerCase(Locale.ROOT);
    return t.startsWith("http://")
        || t.startsWith("https://")
        || t.startsWith("//")
        || t.startsWith("data:");
  }

  /** One walk over one tree, without recursion (inline nesting can be deep). */
  private static final class Walk {
    private final SourceGuard.Guarded guarded;
    private final String text;

    /** The first definition of each destination and title, as commonmark keeps the first. */
    private final Map<List<String>, LinkReferenceDefinition> definitions = new HashMap<>();

    private final Set<LinkReferenceDefinition> imageDefinitionsSeen = new HashSet<>();
    private final Set<LinkReferenceDefinition> linkDefinitionsSeen = new HashSet<>();
    private final List<Ref> images = new ArrayList<>();
    private final List<Ref> links = new ArrayList<>();
    private String firstHeading;

    Walk(SourceGuard.Guarded guarded) {
      this.guarded = guarded;
      this.text = guarded.markdown();
    }

    Refs run(Node document) {
      // definitions first: a reference may come before the definition it uses
      for (Node n = document.getFirstChild(); n != null; n = next(n, document)) {
        if (n instanceof LinkReferenceDefinition d) {
          definitions.putIfAbsent(key(d.getDestination(), d.getTitle()), d);
        }
      }
      for (Node n = document.getFirstChild(); n != null; n = next(n, document)) {
        visit(n);
      }
      // a reference-style one is at its definition's line: keep both lists in line order
      images.sort(Comparator.comparingInt(Ref::line));
      links.sort(Comparator.comparingInt(Ref::line));
      return new Refs(List.copyOf(images), List.copyOf(links), firstHeading);
    }

    /** The node after {@code n} in document order, or null at the end of {@code root}. */
    private static Node next(Node n, Node root) {
      if (n.getFirstChild() != null) {
        return n.getFirstChild();
      }
      for (Node at = n; at != root; at = at.getParent()) {
        if (at.getNext() != null) {
          return at.getNext();
        }
      }
      return null;
    }

    private void visit(Node n) {
      if (n instanceof Image image) {
        reference(image, image.getDestination(), image.getTitle(), imageDefinitionsSeen, images);
      } else if (n instanceof Link link && isChapterLink(link.getDestination())) {
        reference(
            link, chapterPath(link.getDestination()), link.getTitle(), linkDefinitionsSeen, links);
      } else if (n instanceof HtmlBlock html) {
        rawImages(html.getLiteral(), line(html));
      } else if (n instanceof HtmlInline html) {
        rawImages(html.getLiteral(), line(html));
      } else if (n instanceof Heading h
          && h.getLevel() == 1
          && h.getParent() instanceof Document
          && firstHeading == null) {
        firstHeading = headingText(h);
      }
    }

    /**
     * Records an image or link; a reference-style one at its definition's line, once per
     * definition, as an author fixes the path there.
     */
    private void reference(
        Node node, String target, String title, Set<LinkReferenceDefinition> seen, List<Ref> out) {
      if (target == null || target.isEmpty()) {
        return;
      }
      if (writtenInline(node)) {
        out.add(new Ref(target, line(node)));
        return;
      }
      String destination =
          node instanceof Image i ? i.getDestination() : ((Link) node).getDestination();
      LinkReferenceDefinition d = definitions.get(key(destination, title));
      if (d == null) {
        out.add(new Ref(target, line(node)));
      } else if (seen.add(d)) {
        out.add(new Ref(target, line(d)));
      }
    }

    private static List<String> key(String destination, String title) {
      return Arrays.asList(destination, title);
    }

    private void rawImages(String literal, int firstLine) {
      Matcher m = IMG_TAG.matcher(literal);
      int line = firstLine;
      int at = 0;
      while (m.find()) {
        for (; at < m.start(); at++) {
          if (literal.charAt(at) == '\n') {
            line++;
          }
        }
        images.add(new Ref(m.group(1), line));
      }
    }

    /** The heading's text as written; null for an empty heading, which gives no title. */
    private String headingText(Heading h) {
      List<SourceSpan> spans = h.getSourceSpans();
      if (spans.size() == 1) {
        Matcher atx = ATX.matcher(strip(spans.get(0)));
        return atx.matches() ? atx.group(1).strip() : null;
      }
      // a setext heading: its text lines, then the underline
      StringBuilder title = new StringBuilder();
      for (SourceSpan span : spans.subList(0, Math.max(0, spans.size() - 1))) {
        title.append(title.isEmpty() ? "" : " ").append(strip(span).strip());
      }
      return title.isEmpty() ? null : title.toString();
    }

    private String strip(SourceSpan span) {
      String s = text.substring(span.getInputIndex(), span.getInputIndex() + span.getLength());
      return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /** Whether an image or link is written inline, {@code (destination)}, not by reference. */
    private boolean writtenInline(Node node) {
      List<SourceSpan> spans = node.getSourceSpans();
      if (spans.isEmpty()) {
        return true;
      }
      SourceSpan last = spans.get(spans.size() - 1);
      int end = last.getInputIndex() + last.getLength();
      return end > 0 && text.charAt(end - 1) == ')';
    }

    /** The 1-based line of the original text where the node starts. */
    private int line(Node node) {
      List<SourceSpan> spans = node.getSourceSpans();
      int guardedLine = spans.isEmpty() ? 1 : spans.get(0).getLineIndex() + 1;
      return guarded.originalLine(guardedLine);
    }
  }

  private static boolean isChapterLink(String destination) {
    String path = chapterPath(destination);
    return path.endsWith(".md") && path.length() > 3 && !SCHEME.matcher(path).find();
  }

  /** The destination without its {@code #anchor}. */
  private static String chapterPath(String destination) {
    int hash = destination.indexOf('#');
    return hash < 0 ? destination : destination.substring(0, hash);
  }
}
