package io.galley.export.diff;

/** A diff stopped because it would cost more than its {@link DiffBudget}; shown as a summary. */
public final class DiffTooLarge extends RuntimeException {

  /** Creates the signal with what ran out. */
  public DiffTooLarge(String reason) {
    super(reason, null, false, false);
  }
}
