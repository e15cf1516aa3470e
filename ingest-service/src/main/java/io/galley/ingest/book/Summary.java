package io.galley.ingest.book;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code SUMMARY.md} in mdBook/GitBook syntax: prefix chapter links, nested list items,
 * {@code # Part} headings and draft entries with an empty link.
 *
 * @param title the first level-1 heading, or null
 * @param entries the linked chapters in reading order (drafts left out)
 */
public record Summary(String title, List<Entry> entries) {

  private static final Pattern ITEM =
      Pattern.compile("^\\s*(?:[-*+]|\\d+[.)])\\s+\\[(.*)]\\((.*)\\)\\s*$");
  private static final Pattern LINK = Pattern.compile("^\\s*\\[(.*)]\\((.*)\\)\\s*$");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

  public Summary {
    entries = List.copyOf(entries);
  }

  /**
   * One linked chapter.
   *
   * @param title the link text
   * @param link the link target as written, anchor removed
   * @param line the 1-based line in SUMMARY.md
   */
  public record Entry(String title, String link, int line) {}

  /** Parses SUMMARY.md text. */
  public static Summary parse(String text) {
    String title = null;
    List<Entry> entries = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    boolean inFence = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.strip().startsWith("```")) {
        inFence = !inFence;
        continue;
      }
      if (inFence) {
        continue;
      }
      Matcher h = HEADING.matcher(line);
      if (h.matches() && line.startsWith("# ") && title == null) {
        title = h.group(1);
        continue;
      }
      Matcher m = ITEM.matcher(line);
      if (!m.matches()) {
        m = LINK.matcher(line);
        if (!m.matches()) {
          continue;
        }
      }
      String link = m.group(2).strip();
      if (link.startsWith("<") && link.endsWith(">")) {
        link = link.substring(1, link.length() - 1);
      }
      int hash = link.indexOf('#');
      if (hash >= 0) {
        link = link.substring(0, hash);
      }
      if (link.isEmpty() || link.contains("://")) {
        continue; // a draft chapter, or an external link
      }
      entries.add(new Entry(m.group(1).strip(), link, i + 1));
    }
    return new Summary(title, entries);
  }
}
