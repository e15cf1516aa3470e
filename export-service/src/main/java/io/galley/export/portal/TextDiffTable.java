package io.galley.export.portal;

import io.galley.export.diff.Edit;
import io.galley.export.diff.TextDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A chapter's text diff as an accessible table (template {@code textDiff.jte}): block numbers, a
 * visible {@code +}/{@code −} marker with a spoken word, and {@code <ins>}/{@code <del>}
 * (underlined and struck through, not colour alone). Long unchanged stretches fold to a line saying
 * how many blocks are hidden.
 */
record TextDiffTable(String caption, List<Row> rows) {

  static final int CONTEXT = 2;

  /** A line of the diff, or a fold of {@code hidden} unchanged blocks ({@code line} null). */
  record Row(TextDiff.Line line, int hidden) {

    String kind() {
      return line.kind().name().toLowerCase(Locale.ROOT);
    }

    /** The marker people see; {@link #spoken()} is what a screen reader says instead. */
    String mark() {
      return switch (line.kind()) {
        case KEPT -> " ";
        case ADDED -> "+";
        case REMOVED -> "−";
        case CHANGED -> "±";
      };
    }

    String spoken() {
      return line.kind() == TextDiff.Kind.KEPT ? "unchanged" : kind();
    }

    String number(int n) {
      return n == 0 ? "" : String.valueOf(n);
    }

    List<Edit<String>> segments() {
      return merge(line.segments());
    }
  }

  static TextDiffTable of(String caption, List<TextDiff.Line> lines) {
    boolean[] shown = visible(lines);
    List<Row> rows = new ArrayList<>();
    int hidden = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (!shown[i]) {
        hidden++;
        continue;
      }
      if (hidden > 0) {
        rows.add(new Row(null, hidden));
        hidden = 0;
      }
      rows.add(new Row(lines.get(i), 0));
    }
    if (hidden > 0) {
      rows.add(new Row(null, hidden));
    }
    return new TextDiffTable(caption, rows);
  }

  private static boolean[] visible(List<TextDiff.Line> lines) {
    boolean[] shown = new boolean[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).kind() != TextDiff.Kind.KEPT) {
        for (int j = Math.max(0, i - CONTEXT); j <= Math.min(lines.size() - 1, i + CONTEXT); j++) {
          shown[j] = true;
        }
      }
    }
    return shown;
  }

  /**
   * Joins neighbouring segments of the same kind, so a changed phrase is one mark, not one per
   * word.
   */
  static List<Edit<String>> merge(List<Edit<String>> segments) {
    List<Edit<String>> out = new ArrayList<>();
    for (Edit<String> s : segments) {
      if (!out.isEmpty() && out.get(out.size() - 1).op() == s.op()) {
        out.set(out.size() - 1, new Edit<>(s.op(), out.get(out.size() - 1).item() + s.item()));
      } else {
        out.add(s);
      }
    }
    return out;
  }
}
