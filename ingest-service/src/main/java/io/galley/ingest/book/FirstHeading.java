package io.galley.ingest.book;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first level-1 heading of a Markdown file (ATX {@code # Title} or setext {@code Title} over
 * {@code ===}), outside front matter and code fences, as plain text: a README's title.
 *
 * @param text the heading without its Markdown marks
 * @param line its 1-based line
 */
record FirstHeading(String text, int line) {

  private static final Pattern ATX = Pattern.compile("^ {0,3}#\\s+(.*?)(?:\\s+#+)?\\s*$");
  private static final Pattern SETEXT = Pattern.compile("^ {0,3}=+\\s*$");
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~).*");

  /** The heading of {@code markdown}, or null when it has none with text. */
  static FirstHeading of(String markdown) {
    String[] lines = markdown.split("\r?\n", -1);
    int i = 0;
    if (lines.length > 0 && lines[0].strip().equals("---")) {
      for (i = 1; i < lines.length && !lines[i].strip().equals("---"); i++) {
        // skip the front matter
      }
      i++;
    }
    String fence = null;
    for (; i < lines.length; i++) {
      String line = lines[i];
      Matcher f = FENCE.matcher(line);
      if (f.matches()) {
        fence = fence == null ? f.group(1) : fence.equals(f.group(1)) ? null : fence;
        continue;
      }
      if (fence != null) {
        continue;
      }
      Matcher atx = ATX.matcher(line);
      String text = null;
      if (atx.matches()) {
        text = plain(atx.group(1));
      } else if (i + 1 < lines.length
          && !line.isBlank()
          && SETEXT.matcher(lines[i + 1]).matches()) {
        text = plain(line);
      }
      if (text != null && !text.isEmpty()) {
        return new FirstHeading(text, i + 1);
      }
    }
    return null;
  }

  /** Links keep their text, images and emphasis marks go. */
  private static String plain(String inline) {
    return inline
        .replaceAll("!\\[[^]]*]\\([^)]*\\)", "")
        .replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1")
        .replaceAll("<[^>]+>", "")
        .replaceAll("[*`]+", "")
        .replaceAll("\\s+", " ")
        .strip();
  }
}
