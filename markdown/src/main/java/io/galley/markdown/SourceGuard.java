package io.galley.markdown;

import java.util.ArrayList;
import java.util.List;

/**
 * Edits a chapter's text before parsing where CommonMark 0.28 would do work growing faster than the
 * text, in one pass over it:
 *
 * <ul>
 *   <li>a GFM table with more cells than allowed becomes a paragraph (its delimiter row escaped):
 *       the table parser gives every row as many cells as the header has, so a 1,000-column header
 *       over 300,000 one-cell rows (900 KB) made 300 million nodes;
 *   <li>a paragraph gets a blank line every {@value #MAX_PARAGRAPH_LINES} lines: the list and table
 *       block starts copy the whole open paragraph on each of its lines that does not start with a
 *       letter, n²/2 copies for n lines;
 *   <li>container markers ({@code >}, list bullets) past the nesting limit at the start of a line
 *       are escaped: every following line is matched against each open container.
 * </ul>
 */
public final class SourceGuard {

  /** Delimiter-like rows in one block that may start a table (each costs a paragraph copy). */
  public static final int MAX_DELIMITERS_PER_BLOCK = 8;

  /** Lines of one paragraph before a blank line is inserted. */
  public static final int MAX_PARAGRAPH_LINES = 256;

  private SourceGuard() {}

  /**
   * How much a chapter's tables and nesting may cost.
   *
   * @param maxTableCells cells (columns times rows, the header included) of one table
   * @param maxTableCellsPerChapter cells of all tables of a chapter together
   * @param maxNesting block quote and list markers at the start of one line
   */
  public record Limits(int maxTableCells, int maxTableCellsPerChapter, int maxNesting) {

    /** The limits render uses unless configured otherwise. */
    public static final Limits DEFAULTS = new Limits(50_000, 200_000, 64);
  }

  /**
   * The Markdown to parse and the 0-based lines where it was changed, by kind.
   *
   * @param markdown the text to parse
   * @param tables lines whose delimiter row was escaped
   * @param paragraphs lines before which a blank line was inserted (lines of the original text)
   * @param nesting lines whose too-deep container marker was escaped
   */
  public record Guarded(
      String markdown, List<Integer> tables, List<Integer> paragraphs, List<Integer> nesting) {

    /**
     * The 1-based line of the original text that the guarded text's 1-based {@code line} comes
     * from: each blank line inserted before it moved it one down.
     */
    public int originalLine(int line) {
      // the k-th inserted blank line (0-based k) is guarded line paragraphs[k] + k + 1, increasing
      int low = 0;
      int high = paragraphs.size();
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (paragraphs.get(mid) + mid + 1 < line) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      return line - low;
    }
  }

  /** The text to parse for {@code markdown}, with the changes made to it. */
  public static Guarded limit(String markdown, Limits limits) {
    return new Pass(markdown, limits).run();
  }

  /** One pass over one text. */
  private static final class Pass {
    private final String s;
    private final Limits limits;
    private final List<int[]> lines;
    private final StringBuilder out;
    private int copied;
    private final List<Integer> tables = new ArrayList<>();
    private final List<Integer> paragraphs = new ArrayList<>();
    private final List<Integer> nesting = new ArrayList<>();

    Pass(String markdown, Limits limits) {
      this.s = markdown;
      this.limits = limits;
      this.lines = lines(markdown);
      this.out = new StringBuilder(markdown.length() + 16);
    }

    Guarded run() {
      // the first blank line at or after each line, where a table ends at the latest
      int[] nextBlank = new int[lines.size() + 1];
      nextBlank[lines.size()] = lines.size();
      for (int i = lines.size() - 1; i >= 0; i--) {
        nextBlank[i] = contentStart(lines.get(i)) < 0 ? i : nextBlank[i + 1];
      }
      long totalCells = 0;
      int delimitersInBlock = 0;
      int linesInBlock = 0;
      int tableUntil = -1;
      char fence = 0;
      for (int i = 0; i < lines.size(); i++) {
        int[] line = lines.get(i);
        int start = contentStart(line);
        if (start < 0) {
          delimitersInBlock = 0;
          linesInBlock = 0;
          continue;
        }
        char c = s.charAt(start);
        if ((c == '`' || c == '~') && s.startsWith(String.valueOf(c).repeat(3), start)) {
          fence = fence == 0 ? c : fence == c ? 0 : fence;
          linesInBlock = 0;
          continue;
        }
        if (fence != 0) {
          continue;
        }
        if (++linesInBlock > MAX_PARAGRAPH_LINES && i >= tableUntil) {
          insert(line[0], "\n");
          paragraphs.add(i);
          linesInBlock = 1;
          delimitersInBlock = 0;
        }
        limitNesting(i, line);
        int columns = linesInBlock > 1 ? delimiterColumns(line) : -1;
        if (columns < 0) {
          continue;
        }
        long cells = (long) columns * (nextBlank[i] - i); // the header and the rows
        if (++delimitersInBlock <= MAX_DELIMITERS_PER_BLOCK
            && cells <= limits.maxTableCells()
            && totalCells + cells <= limits.maxTableCellsPerChapter()) {
          totalCells += cells;
          tableUntil = columns > 0 ? nextBlank[i] : tableUntil;
          continue;
        }
        insert(start, "\\");
        tables.add(i);
      }
      if (copied == 0) {
        return new Guarded(s, List.of(), List.of(), List.of());
      }
      out.append(s, copied, s.length());
      return new Guarded(out.toString(), tables, paragraphs, nesting);
    }

    private void insert(int at, String text) {
      out.append(s, copied, at).append(text);
      copied = at;
    }

    /** Escapes the first container marker at the start of the line past the nesting limit. */
    private void limitNesting(int i, int[] line) {
      int depth = 0;
      int p = line[0];
      while (p < line[1]) {
        char c = s.charAt(p);
        int after = p + 1;
        if (c == ' ' || c == '\t') {
          p++;
          continue;
        }
        if (c != '>') {
          while (after < line[1] && Character.isDigit(s.charAt(after)) && Character.isDigit(c)) {
            after++;
          }
          boolean bullet = c == '-' || c == '+' || c == '*';
          boolean ordered =
              Character.isDigit(c) && after < line[1] && ".)".indexOf(s.charAt(after)) >= 0;
          after = ordered ? after + 1 : after;
          if (!(bullet || ordered) || (after < line[1] && " \t".indexOf(s.charAt(after)) < 0)) {
            return;
          }
        }
        if (++depth > limits.maxNesting()) {
          insert(p, "\\");
          nesting.add(i);
          return;
        }
        p = after;
      }
    }

    /** Where a line's content starts after indentation and block quote markers; -1 when blank. */
    private int contentStart(int[] line) {
      for (int i = line[0]; i < line[1]; i++) {
        char c = s.charAt(i);
        if (c != ' ' && c != '\t' && c != '>' && c != '\r') {
          return i;
        }
      }
      return -1;
    }

    /**
     * The columns of a delimiter row such as {@code |:--|--:|}: 0 for a line the table parser looks
     * at without pipes (such as {@code -:}), -1 for a line it does not look at or that ends a
     * paragraph anyway (only dashes: a setext underline, a thematic break, a list item).
     */
    private int delimiterColumns(int[] line) {
      int pipes = 0;
      boolean dash = false;
      boolean colon = false;
      int first = -1;
      int last = -1;
      for (int i = line[0]; i < line[1]; i++) {
        char c = s.charAt(i);
        if (c == '|') {
          pipes++;
          first = first < 0 ? i : first;
          last = i;
        } else if (c == '-') {
          dash = true;
        } else if (c == ':') {
          colon = true;
        } else if (c != ' ' && c != '\t' && c != '>' && c != '\r') {
          return -1;
        }
      }
      if (!dash || (pipes == 0 && !colon)) {
        return -1;
      }
      if (pipes == 0) {
        return 0;
      }
      boolean leading = s.substring(line[0], first).replace('>', ' ').isBlank();
      boolean trailing = s.substring(last + 1, line[1]).isBlank();
      return pipes + 1 - (leading ? 1 : 0) - (trailing ? 1 : 0);
    }
  }

  /** Start and end (exclusive, before the line break) of each line. */
  private static List<int[]> lines(String s) {
    List<int[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        lines.add(new int[] {start, i});
        start = i + 1;
      }
    }
    lines.add(new int[] {start, s.length()});
    return lines;
  }
}
