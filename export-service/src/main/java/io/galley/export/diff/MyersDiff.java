package io.galley.export.diff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The shortest edit script between two sequences (Myers, "An O(ND) Difference Algorithm", 1986),
 * after trimming the common prefix and suffix. Deletions come before insertions at each change.
 */
public final class MyersDiff {

  private MyersDiff() {}

  /** The edits that turn {@code a} into {@code b}. */
  public static <T> List<Edit<T>> diff(List<T> a, List<T> b) {
    int prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < a.size() - prefix
        && suffix < b.size() - prefix
        && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
      suffix++;
    }
    List<Edit<T>> edits = new ArrayList<>();
    for (int i = 0; i < prefix; i++) {
      edits.add(new Edit<>(Edit.Op.KEEP, a.get(i)));
    }
    edits.addAll(
        middle(a.subList(prefix, a.size() - suffix), b.subList(prefix, b.size() - suffix)));
    for (int i = a.size() - suffix; i < a.size(); i++) {
      edits.add(new Edit<>(Edit.Op.KEEP, a.get(i)));
    }
    return edits;
  }

  private static <T> List<Edit<T>> middle(List<T> a, List<T> b) {
    int n = a.size();
    int m = b.size();
    int max = n + m;
    int offset = max + 1;
    int[] v = new int[2 * max + 3];
    List<int[]> trace = new ArrayList<>();
    int found = -1;
    for (int d = 0; d <= max && found < 0; d++) {
      trace.add(v.clone());
      for (int k = -d; k <= d; k += 2) {
        int x =
            (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                ? v[offset + k + 1]
                : v[offset + k - 1] + 1;
        int y = x - k;
        while (x < n && y < m && a.get(x).equals(b.get(y))) {
          x++;
          y++;
        }
        v[offset + k] = x;
        if (x >= n && y >= m) {
          found = d;
          break;
        }
      }
    }
    return backtrack(a, b, trace, offset);
  }

  private static <T> List<Edit<T>> backtrack(List<T> a, List<T> b, List<int[]> trace, int offset) {
    List<Edit<T>> reversed = new ArrayList<>();
    int x = a.size();
    int y = b.size();
    for (int d = trace.size() - 1; d > 0; d--) {
      int[] v = trace.get(d);
      int k = x - y;
      int prevK = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? k + 1 : k - 1;
      int prevX = v[offset + prevK];
      int prevY = prevX - prevK;
      while (x > prevX && y > prevY) {
        reversed.add(new Edit<>(Edit.Op.KEEP, a.get(--x)));
        y--;
      }
      if (x == prevX) {
        reversed.add(new Edit<>(Edit.Op.INSERT, b.get(--y)));
      } else {
        reversed.add(new Edit<>(Edit.Op.DELETE, a.get(--x)));
      }
    }
    while (x > 0 && y > 0) {
      reversed.add(new Edit<>(Edit.Op.KEEP, a.get(--x)));
      y--;
    }
    Collections.reverse(reversed);
    return groupDeletesFirst(reversed);
  }

  /** Within each run of changes, list the deletions before the insertions, as readers expect. */
  private static <T> List<Edit<T>> groupDeletesFirst(List<Edit<T>> edits) {
    List<Edit<T>> out = new ArrayList<>(edits.size());
    List<Edit<T>> inserts = new ArrayList<>();
    for (Edit<T> e : edits) {
      switch (e.op()) {
        case DELETE -> out.add(e);
        case INSERT -> inserts.add(e);
        case KEEP -> {
          out.addAll(inserts);
          inserts.clear();
          out.add(e);
        }
      }
    }
    out.addAll(inserts);
    return out;
  }
}
