package io.galley.ingest.book;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a file an mdBook include asks for, as mdBook reads it: {@code :2} (line 2), {@code
 * :2:10}, {@code :5:} (to the end), {@code ::10} (the first ten), or {@code :name} (the lines
 * between {@code ANCHOR: name} and {@code ANCHOR_END: name}, marker lines left out).
 */
record IncludeSelection(int from, int to, String anchor) {

  /** One line of an included file, with its 1-based number there. */
  record Line(int number, String text) {}

  private static final Pattern RANGE = Pattern.compile("(\\d*)(?::(\\d*))?");
  private static final Pattern NAME = Pattern.compile("[\\w-]+");
  private static final Pattern MARKER = Pattern.compile("ANCHOR(?:_END)?:\\s*([\\w-]+)");

  /** The whole file. */
  static final IncludeSelection ALL = new IncludeSelection(1, Integer.MAX_VALUE, null);

  /** The selection written after the path's first colon; empty when it is neither form. */
  static Optional<IncludeSelection> parse(String written) {
    String s = written.strip();
    Matcher range = RANGE.matcher(s);
    if (range.matches() && !s.isEmpty()) {
      boolean single = range.group(2) == null;
      int from = range.group(1).isEmpty() ? 1 : Math.max(1, parseInt(range.group(1)));
      int to =
          single ? from : range.group(2).isEmpty() ? Integer.MAX_VALUE : parseInt(range.group(2));
      return Optional.of(new IncludeSelection(from, to, null));
    }
    return NAME.matcher(s).matches()
        ? Optional.of(new IncludeSelection(1, Integer.MAX_VALUE, s))
        : Optional.empty();
  }

  /** The selected lines of {@code text}; empty when the anchor is not in it. */
  Optional<List<Line>> select(String text) {
    String[] lines = text.replace("\r\n", "\n").split("\n", -1);
    int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
    List<Line> out = new ArrayList<>();
    if (anchor == null) {
      for (int i = from; i <= Math.min(to, count); i++) {
        out.add(new Line(i, lines[i - 1]));
      }
      return Optional.of(out);
    }
    boolean inside = false;
    boolean found = false;
    for (int i = 0; i < count; i++) {
      Matcher marker = MARKER.matcher(lines[i]);
      if (marker.find()) {
        if (marker.group(1).equals(anchor)) {
          boolean end = marker.group().startsWith("ANCHOR_END");
          if (!end) {
            found = true;
            inside = true;
          } else if (inside) {
            break;
          }
        }
        continue;
      }
      if (inside) {
        out.add(new Line(i + 1, lines[i]));
      }
    }
    return found ? Optional.of(out) : Optional.empty();
  }

  private static int parseInt(String digits) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }
}
