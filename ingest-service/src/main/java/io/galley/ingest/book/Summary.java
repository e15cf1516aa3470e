package io.galley.ingest.book;

import io.galley.events.ChapterEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code SUMMARY.md} in mdBook/GitBook syntax: prefix chapter links, nested list items,
 * {@code # Part} headings and draft entries with an empty link.
 *
 * <p>A heading before the first entry that names the table of contents ("Summary", "Table of
 * contents") or is the file's only heading is the file's own title; every other heading opens a
 * part. An entry's depth is how many list levels it is indented under the entries before it.
 *
 * @param title the table of contents' own heading, or null; never the book's title
 * @param entries the linked chapters in reading order (drafts left out)
 */
public record Summary(String title, List<Entry> entries) {

  private static final Pattern ITEM =
      Pattern.compile("^(\\s*)(?:[-*+]|\\d+[.)])\\s+\\[(.*)]\\((.*)\\)\\s*$");
  private static final Pattern LINK = Pattern.compile("^()\\s*\\[(.*)]\\((.*)\\)\\s*$");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
  private static final Set<String> CONTENTS_WORDS =
      Set.of("summary", "table of contents", "contents", "toc", "index");

  public Summary {
    entries = List.copyOf(entries);
  }

  /**
   * One linked chapter.
   *
   * @param title the link text
   * @param link the link target as written, anchor removed
   * @param line the 1-based line in SUMMARY.md
   * @param part the title of the part the entry is in, or null
   * @param depth 0 for a top-level entry, 1 for one nested under it, ...
   * @param numbered false for a prefix or suffix chapter: a link outside any list
   */
  public record Entry(
      String title, String link, int line, String part, int depth, boolean numbered) {}

  /** Parses SUMMARY.md text. */
  public static Summary parse(String text) {
    String[] lines = text.split("\r?\n", -1);
    int headings = headingCount(lines);
    String title = null;
    String part = null;
    List<Entry> entries = new ArrayList<>();
    Deque<Integer> indents = new ArrayDeque<>();
    boolean inFence = false;
    boolean anyItem = false;
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
      if (h.matches()) {
        String heading = h.group(1).strip();
        boolean own =
            !anyItem
                && title == null
                && part == null
                && (CONTENTS_WORDS.contains(heading.toLowerCase(Locale.ROOT)) || headings == 1);
        if (own) {
          title = heading;
        } else {
          part = heading.isEmpty() ? null : heading;
          indents.clear(); // a part starts its nesting afresh
        }
        continue;
      }
      Matcher m = ITEM.matcher(line);
      boolean numbered = m.matches();
      if (!numbered) {
        m = LINK.matcher(line);
        if (!m.matches()) {
          continue;
        }
      }
      anyItem = true;
      int indent = m.group(1).replace("\t", "    ").length();
      while (!indents.isEmpty() && indent <= indents.peek()) {
        indents.pop();
      }
      int depth = Math.min(indents.size(), ChapterEntry.MAX_DEPTH);
      indents.push(indent);
      String link = m.group(3).strip();
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
      entries.add(new Entry(m.group(2).strip(), link, i + 1, part, depth, numbered));
    }
    return new Summary(title, entries);
  }

  /** How many lines are headings outside code fences. */
  private static int headingCount(String[] lines) {
    int out = 0;
    boolean inFence = false;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].strip().startsWith("```")) {
        inFence = !inFence;
      } else if (!inFence && HEADING.matcher(lines[i]).matches()) {
        out++;
      }
    }
    return out;
  }
}
