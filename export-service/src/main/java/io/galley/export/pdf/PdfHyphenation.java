package io.galley.export.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.fop.hyphenation.Hyphenation;
import org.apache.fop.hyphenation.HyphenationException;
import org.apache.fop.hyphenation.HyphenationTree;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.xml.sax.InputSource;

/**
 * Marks where the words of body text may break, as soft hyphens (U+00AD), which the layout engine
 * turns into a hyphen only where it breaks a line: openhtmltopdf does not hyphenate by itself. The
 * points come from the TeX patterns of the book's language (Liang's algorithm, as Apache FOP runs
 * it); a language without patterns is left whole. Code, headings, links and anything that looks
 * like an identifier or a URL are never hyphenated. Thread-safe.
 */
final class PdfHyphenation {

  static final char SOFT_HYPHEN = '\u00AD';

  /** At least two letters stay before a break and three go after it (TeX's English defaults). */
  private static final int BEFORE = 2;

  private static final int AFTER = 3;

  /** A word of letters alone, between spaces or punctuation that no identifier or URL uses. */
  private static final Pattern WORD =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}_@/.:\\-])\\p{L}{5,}(?![\\p{L}\\p{N}_@/\\-]|[.:][\\p{L}\\p{N}])");

  private static final Set<String> WHOLE =
      Set.of(
          "pre",
          "code",
          "kbd",
          "samp",
          "var",
          "tt",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "a",
          "svg",
          "math",
          "figcaption");

  private static final Map<String, Optional<HyphenationTree>> PATTERNS = new ConcurrentHashMap<>();

  private PdfHyphenation() {}

  /** Whether there are patterns for the language of BCP 47 tag {@code language}. */
  static boolean supports(String language) {
    return patterns(language).isPresent();
  }

  /** Adds soft hyphens to the words of the text under {@code root}, in {@code language}. */
  static void hyphenate(Element root, String language) {
    patterns(language).ifPresent(tree -> hyphenate(root, tree));
  }

  private static void hyphenate(Element element, HyphenationTree tree) {
    for (Node node : element.childNodes()) {
      if (node instanceof TextNode text) {
        hyphenateText(text, tree);
      } else if (node instanceof Element child
          && !WHOLE.contains(child.normalName())
          && !child.hasClass("footnote-ref")) {
        hyphenate(child, tree);
      }
    }
  }

  private static void hyphenateText(TextNode node, HyphenationTree tree) {
    String text = node.getWholeText();
    Matcher m = WORD.matcher(text);
    StringBuilder out = null;
    int last = 0;
    while (m.find()) {
      String word = m.group();
      if (mixedCase(word)) {
        continue; // CamelCase in prose is a name from code
      }
      Hyphenation points = tree.hyphenate(word, BEFORE, AFTER);
      if (points == null || points.length() == 0) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length() + 16);
      }
      out.append(text, last, m.start());
      int from = 0;
      for (int point : points.getHyphenationPoints()) {
        out.append(word, from, point).append(SOFT_HYPHEN);
        from = point;
      }
      out.append(word, from, word.length());
      last = m.end();
    }
    if (out != null) {
      node.text(out.append(text, last, text.length()).toString());
    }
  }

  private static boolean mixedCase(String word) {
    for (int i = 1; i < word.length(); i++) {
      if (Character.isUpperCase(word.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static Optional<HyphenationTree> patterns(String language) {
    String primary = language.toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
    return PATTERNS.computeIfAbsent(primary, PdfHyphenation::load);
  }

  private static Optional<HyphenationTree> load(String primary) {
    if (!primary.matches("[a-z]{2,3}")) {
      return Optional.empty();
    }
    try (InputStream in =
        PdfHyphenation.class.getResourceAsStream("hyphenation/" + primary + ".xml")) {
      if (in == null) {
        return Optional.empty();
      }
      HyphenationTree tree = new HyphenationTree();
      tree.loadPatterns(new InputSource(in));
      return Optional.of(tree);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the hyphenation patterns of " + primary, e);
    } catch (HyphenationException e) {
      throw new IllegalStateException("bad hyphenation patterns for " + primary, e);
    }
  }
}
