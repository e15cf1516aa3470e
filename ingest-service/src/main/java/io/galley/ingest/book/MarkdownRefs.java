package io.galley.ingest.book;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds image and chapter-link references in Markdown, ignoring code blocks and code spans. */
final class MarkdownRefs {

  /**
   * A reference found in a text.
   *
   * @param target the path or URL as written
   * @param offset character offset in the scanned text
   */
  record Ref(String target, int offset) {}

  private static final Pattern INLINE_IMAGE =
      Pattern.compile(
          "!\\[[^\\]]*]\\(\\s*<?([^)\\s>]+)>?(?:\\s+(?:\"[^\"]*\"|'[^']*'|\\([^)]*\\)))?\\s*\\)");
  private static final Pattern REF_IMAGE = Pattern.compile("!\\[([^\\]]*)](?:\\[([^\\]]*)])?");
  private static final Pattern DEFINITION =
      Pattern.compile("(?m)^ {0,3}\\[([^\\]]+)]:\\s*<?([^\\s>]+)>?");
  private static final Pattern IMG_TAG =
      Pattern.compile("(?i)<img\\b[^>]*?\\bsrc\\s*=\\s*[\"']([^\"']+)[\"']");
  private static final Pattern LINK =
      Pattern.compile(
          "(?<!!)\\[[^\\]]*]\\(\\s*<?([^)\\s>#]+\\.md)(#[^)\\s>]*)?>?(?:\\s+\"[^\"]*\")?\\s*\\)");

  private static final Pattern IMG_OPEN = Pattern.compile("(?i)<img\\b");

  private MarkdownRefs() {}

  static List<Ref> images(String markdown) {
    return imagesOfMasked(maskCode(markdown));
  }

  static List<Ref> chapterLinks(String markdown) {
    return chapterLinksOfMasked(maskCode(markdown));
  }

  /*
   * The scans below find what Matcher.find() with each pattern would, in the same order, but try
   * the pattern only where it can start, and skip every start whose attempt must fail the same way
   * as one just tried: a pattern of the form "[^\\]]*]" + tail reaches the first ']' whatever its
   * start, so when the tail fails after that ']', every start before it fails too. Each character
   * is scanned a bounded number of times, where find() was quadratic on a run of brackets.
   */

  /** Images of a text whose code is already masked ({@link #maskCode}). */
  static List<Ref> imagesOfMasked(String text) {
    int len = text.length();
    List<Ref> refs = new ArrayList<>();
    Set<Integer> offsets = new HashSet<>();
    Matcher m = matcher(INLINE_IMAGE, text);
    int pos = 0;
    for (int s; (s = text.indexOf("![", pos)) >= 0; ) {
      int close = text.indexOf(']', s + 2);
      if (close < 0) {
        break;
      }
      if (m.region(s, len).lookingAt()) {
        refs.add(new Ref(m.group(1), s));
        offsets.add(s);
        pos = m.end();
      } else {
        pos = close;
      }
    }
    Map<String, Ref> definitions = definitions(text);
    Matcher r = matcher(REF_IMAGE, text);
    pos = 0;
    for (int s; (s = text.indexOf("![", pos)) >= 0; ) {
      if (text.indexOf(']', s + 2) < 0 || !r.region(s, len).lookingAt()) {
        break;
      }
      pos = r.end();
      if (r.end() < len && text.charAt(r.end()) == '(') {
        continue;
      }
      String label = r.group(2) == null || r.group(2).isBlank() ? r.group(1) : r.group(2);
      Ref def = definitions.get(label(label));
      if (def != null && offsets.add(def.offset())) {
        refs.add(def);
      }
    }
    Matcher t = matcher(IMG_TAG, text);
    Matcher open = matcher(IMG_OPEN, text);
    pos = 0;
    for (int s; (s = text.indexOf('<', pos)) >= 0; ) {
      if (!open.region(s, len).lookingAt()) {
        pos = s + 1;
      } else if (t.region(s, len).lookingAt()) {
        refs.add(new Ref(t.group(1), s));
        pos = t.end();
      } else {
        // the attempt tried every position up to the tag's '>': later starts before it try fewer
        int gt = text.indexOf('>', s + 4);
        if (gt < 0) {
          break;
        }
        pos = gt;
      }
    }
    refs.sort(Comparator.comparingInt(Ref::offset));
    return refs;
  }

  private static Map<String, Ref> definitions(String text) {
    int len = text.length();
    Map<String, Ref> definitions = new HashMap<>();
    Matcher d = matcher(DEFINITION, text);
    int pos = 0;
    // a definition starts at a line start followed by at most 3 spaces and '[': try those only
    for (int b; (b = text.indexOf('[', pos)) >= 0; ) {
      int s = b;
      while (s > 0 && b - s < 3 && text.charAt(s - 1) == ' ') {
        s--;
      }
      if (s < pos || !isLineStart(text, s)) {
        pos = b + 1;
        continue;
      }
      int close = text.indexOf(']', b + 1);
      if (close < 0) {
        break;
      }
      if (d.region(s, len).lookingAt()) {
        definitions.putIfAbsent(label(d.group(1)), new Ref(d.group(2), s));
        pos = d.end();
      } else {
        pos = close;
      }
    }
    return definitions;
  }

  /** Chapter links of a text whose code is already masked ({@link #maskCode}). */
  static List<Ref> chapterLinksOfMasked(String text) {
    int len = text.length();
    List<Ref> refs = new ArrayList<>();
    Matcher m = matcher(LINK, text);
    int pos = 0;
    for (int s; (s = text.indexOf('[', pos)) >= 0; ) {
      if (s > 0 && text.charAt(s - 1) == '!') {
        pos = s + 1;
        continue;
      }
      int close = text.indexOf(']', s + 1);
      if (close < 0) {
        break;
      }
      if (m.region(s, len).lookingAt()) {
        if (!m.group(1).contains("://")) {
          refs.add(new Ref(m.group(1), s));
        }
        pos = m.end();
      } else {
        pos = close;
      }
    }
    return refs;
  }

  private static Matcher matcher(Pattern pattern, String text) {
    return pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
  }

  /** Whether a MULTILINE {@code ^} matches at {@code i}, a position before the text's end. */
  private static boolean isLineStart(String text, int i) {
    if (i == 0) {
      return true;
    }
    char ch = text.charAt(i - 1);
    return ch == '\n'
        || ch == '\u0085'
        || (ch | 1) == '\u2029'
        || ch == '\r' && text.charAt(i) != '\n';
  }

  static boolean isRemote(String target) {
    String t = target.toLowerCase(java.util.Locale.ROOT);
    return t.startsWith("http://")
        || t.startsWith("https://")
        || t.startsWith("//")
        || t.startsWith("data:");
  }

  private static String label(String s) {
    return s.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
  }

  /** Replaces fenced code blocks and code spans by spaces, keeping offsets and line breaks. */
  static String maskCode(String text) {
    return CodeMask.mask(text);
  }
}
