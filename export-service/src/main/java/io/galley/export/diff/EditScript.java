package io.galley.export.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.myers.MyersDiffWithLinearSpace;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;

/**
 * The shortest edit script between two sequences, from java-diff-utils' linear-space Myers (memory
 * grows with the input, not with input times edits). Deletions come before insertions at each
 * change. Every comparison is charged to a {@link DiffBudget}.
 */
public final class EditScript {

  private EditScript() {}

  /**
   * The edits that turn {@code a} into {@code b}.
   *
   * @throws DiffTooLarge when the budget runs out
   */
  public static <T> List<Edit<T>> of(List<T> a, List<T> b, DiffBudget budget) {
    Patch<T> patch =
        DiffUtils.diff(a, b, new MyersDiffWithLinearSpace<T>(budget::equal), null, true);
    List<Edit<T>> edits = new ArrayList<>(Math.max(a.size(), b.size()));
    for (AbstractDelta<T> delta : patch.getDeltas()) {
      switch (delta.getType()) {
        case EQUAL -> delta.getSource().getLines().forEach(x -> edits.add(keep(x)));
        case DELETE, INSERT, CHANGE -> {
          delta.getSource().getLines().forEach(x -> edits.add(new Edit<>(Edit.Op.DELETE, x)));
          delta.getTarget().getLines().forEach(x -> edits.add(new Edit<>(Edit.Op.INSERT, x)));
        }
      }
    }
    return edits;
  }

  private static <T> Edit<T> keep(T item) {
    return new Edit<>(Edit.Op.KEEP, item);
  }
}
