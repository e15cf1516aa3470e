package io.galley.export.diff;

import java.util.Objects;

/**
 * One step of a diff.
 *
 * @param op whether the item is kept, deleted from the old side or inserted from the new side
 * @param item the line or word
 * @param <T> what is compared
 */
public record Edit<T>(Op op, T item) {

  /** What happened to an item. */
  public enum Op {
    /** In both. */
    KEEP,
    /** Only in the old version. */
    DELETE,
    /** Only in the new version. */
    INSERT
  }

  public Edit {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(item, "item");
  }
}
