package io.galley.ingest.book;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The regex-scanning {@link MarkdownRefs} before issue 9, kept as the oracle of its tests. */
final class LegacyMarkdownRefs {

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

  private LegacyMarkdownRefs() {}

  static List<Ref> images(String markdown) {
    String text = maskCode(markdown);
    List<Ref> refs = new ArrayList<>();
    Matcher m = INLINE_IMAGE.matcher(text);
    while (m.find()) {
      refs.add(new Ref(m.group(1), m.start()));
    }
    Map<String, Ref> definitions = new HashMap<>();
    Matcher d = DEFINITION.matcher(text);
    while (d.find()) {
      definitions.putIfAbsent(label(d.group(1)), new Ref(d.group(2), d.start()));
    }
    Matcher r = REF_IMAGE.matcher(text);
    while (r.find()) {
      if (r.end() < text.length() && text.charAt(r.end()) == '(') {
        continue;
      }
      String label = r.group(2) == null || r.group(2).isBlank() ? r.group(1) : r.group(2);
      Ref def = definitions.get(label(label));
      if (def != null && refs.stream().noneMatch(x -> x.offset() == def.offset())) {
        refs.add(def);
      }
    }
    Matcher t = IMG_TAG.matcher(text);
    while (t.find()) {
      refs.add(new Ref(t.group(1), t.start()));
    }
    refs.sort(java.util.Comparator.comparingInt(Ref::offset));
    return refs;
  }

  static List<Ref> chapterLinks(String markdown) {
    String text = maskCode(markdown);
    List<Ref> refs = new ArrayList<>();
    Matcher m = LINK.matcher(text);
    while (m.find()) {
      if (!m.group(1).contains("://")) {
        refs.add(new Ref(m.group(1), m.start()));
      }
    }
    return refs;
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
    char[] out = text.toCharArray();
    String[] lines = text.split("\n", -1);
    int pos = 0;
    String fence = null;
    for (String line : lines) {
      String s = line.stripLeading();
      boolean fenceLine = s.startsWith("```") || s.startsWith("~~~");
      if (fence == null && fenceLine) {
        fence = s.substring(0, 3);
        blank(out, pos, pos + line.length());
      } else if (fence != null) {
        blank(out, pos, pos + line.length());
        if (s.startsWith(fence)) {
          fence = null;
        }
      } else {
        maskSpans(out, pos, line);
      }
      pos += line.length() + 1;
    }
    return new String(out);
  }

  private static void maskSpans(char[] out, int pos, String line) {
    int open = -1;
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '`') {
        if (open < 0) {
          open = i;
        } else {
          blank(out, pos + open, pos + i + 1);
          open = -1;
        }
      }
    }
  }

  private static void blank(char[] out, int from, int to) {
    for (int i = from; i < to && i < out.length; i++) {
      if (out[i] != '\n') {
        out[i] = ' ';
      }
    }
  }
}
