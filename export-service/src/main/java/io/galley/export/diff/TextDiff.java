package io.galley.export.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A readable diff of two chapters' text: lines kept, removed or added, where a removed line
 * followed by a similar added line is shown as one changed line with the changed words marked.
 */
public final class TextDiff {

  private static final Pattern TOKEN = Pattern.compile("\\s+|[\\p{L}\\p{N}_]+|[^\\s\\p{L}\\p{N}_]");

  /**
   * One line of the diff.
   *
   * @param kind kept, removed, added or changed
   * @param oldNumber the 1-based block number in the older text, 0 when added
   * @param newNumber the 1-based block number in the newer text, 0 when removed
   * @param segments the text; for a changed line the removed and added words among the kept ones
   */
  public record Line(Kind kind, int oldNumber, int newNumber, List<Edit<String>> segments) {

    public Line {
      Objects.requireNonNull(kind, "kind");
      segments = List.copyOf(segments);
    }
  }

  /** What happened to a line. */
  public enum Kind {
    KEPT,
    REMOVED,
    ADDED,
    CHANGED
  }

  private TextDiff() {}

  /** Lines with more words than this are shown removed and added, never word-diffed. */
  static final int MAX_WORD_DIFF_TOKENS = 2000;

  /** Diffs two texts given as blocks, without a budget: for inputs known to be small. */
  public static List<Line> of(List<String> before, List<String> after) {
    return of(before, after, DiffBudget.unlimited());
  }

  /**
   * Diffs two texts given as blocks, the line and word diffs charged to {@code budget}.
   *
   * @throws DiffTooLarge when the budget runs out
   */
  public static List<Line> of(List<String> before, List<String> after, DiffBudget budget) {
    List<Edit<String>> edits = EditScript.of(before, after, budget);
    List<Line> lines = new ArrayList<>();
    int oldNo = 0;
    int newNo = 0;
    int i = 0;
    while (i < edits.size()) {
      if (edits.get(i).op() == Edit.Op.KEEP) {
        lines.add(new Line(Kind.KEPT, ++oldNo, ++newNo, List.of(edits.get(i))));
        i++;
        continue;
      }
      List<String> removed = new ArrayList<>();
      List<String> added = new ArrayList<>();
      while (i < edits.size() && edits.get(i).op() != Edit.Op.KEEP) {
        (edits.get(i).op() == Edit.Op.DELETE ? removed : added).add(edits.get(i).item());
        i++;
      }
      int paired = Math.min(removed.size(), added.size());
      for (int j = 0; j < paired; j++) {
        List<Edit<String>> words = wordDiffIfSimilar(removed.get(j), added.get(j), budget);
        if (words != null) {
          lines.add(new Line(Kind.CHANGED, ++oldNo, ++newNo, words));
        } else {
          lines.add(
              new Line(
                  Kind.REMOVED, ++oldNo, 0, List.of(new Edit<>(Edit.Op.DELETE, removed.get(j)))));
          lines.add(
              new Line(Kind.ADDED, 0, ++newNo, List.of(new Edit<>(Edit.Op.INSERT, added.get(j)))));
        }
      }
      for (String r : removed.subList(paired, removed.size())) {
        lines.add(new Line(Kind.REMOVED, ++oldNo, 0, List.of(new Edit<>(Edit.Op.DELETE, r))));
      }
      for (String a : added.subList(paired, added.size())) {
        lines.add(new Line(Kind.ADDED, 0, ++newNo, List.of(new Edit<>(Edit.Op.INSERT, a))));
      }
    }
    return lines;
  }

  /**
   * The word diff of two lines, where a space between two changes joins them, so {@code the quick
   * brown} to {@code the slow red} reads as one replaced phrase, not two.
   */
  static List<Edit<String>> wordDiff(String before, String after) {
    return bridge(EditScript.of(words(before), words(after), DiffBudget.unlimited()));
  }

  private static List<Edit<String>> bridge(List<Edit<String>> edits) {
    List<Edit<String>> deletes = new ArrayList<>();
    List<Edit<String>> inserts = new ArrayList<>();
    List<Edit<String>> out = new ArrayList<>();
    for (int i = 0; i < edits.size(); i++) {
      Edit<String> e = edits.get(i);
      boolean pendingChange = !deletes.isEmpty() || !inserts.isEmpty();
      boolean bridge =
          e.op() == Edit.Op.KEEP
              && e.item().isBlank()
              && pendingChange
              && i + 1 < edits.size()
              && edits.get(i + 1).op() != Edit.Op.KEEP;
      if (e.op() == Edit.Op.DELETE || bridge) {
        deletes.add(new Edit<>(Edit.Op.DELETE, e.item()));
      }
      if (e.op() == Edit.Op.INSERT || bridge) {
        inserts.add(new Edit<>(Edit.Op.INSERT, e.item()));
      }
      if (e.op() == Edit.Op.KEEP && !bridge) {
        out.addAll(deletes);
        out.addAll(inserts);
        deletes.clear();
        inserts.clear();
        out.add(e);
      }
    }
    out.addAll(deletes);
    out.addAll(inserts);
    return out;
  }

  /** Words, spaces and punctuation as separate tokens, so a word diff keeps them intact. */
  static List<String> words(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      tokens.add(m.group());
    }
    return tokens;
  }

  /**
   * The word diff of two lines when they are one edited line (at least half of their words
   * survive), else null.
   */
  private static List<Edit<String>> wordDiffIfSimilar(String a, String b, DiffBudget budget) {
    List<String> wa = words(a);
    List<String> wb = words(b);
    if (wa.size() > MAX_WORD_DIFF_TOKENS || wb.size() > MAX_WORD_DIFF_TOKENS) {
      return null;
    }
    List<Edit<String>> edits = EditScript.of(wa, wb, budget);
    long kept = edits.stream().filter(e -> e.op() == Edit.Op.KEEP && !e.item().isBlank()).count();
    long longer =
        Math.max(
            wa.stream().filter(w -> !w.isBlank()).count(),
            wb.stream().filter(w -> !w.isBlank()).count());
    return longer > 0 && kept * 2 >= longer ? bridge(edits) : null;
  }

  /**
   * How many blocks at least one side has and the other lacks (counted as multisets): a cheap lower
   * bound of the changed blocks, for the summary of a diff too large to show.
   */
  public static int changedAtLeast(List<String> before, List<String> after) {
    java.util.Map<String, Integer> balance = new java.util.HashMap<>();
    before.forEach(l -> balance.merge(l, 1, Integer::sum));
    after.forEach(l -> balance.merge(l, -1, Integer::sum));
    return balance.values().stream().mapToInt(Math::abs).sum();
  }
}
