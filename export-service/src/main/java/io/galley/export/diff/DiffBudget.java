package io.galley.export.diff;

import java.time.Duration;

/**
 * The work one request may spend on diffs: a number of element comparisons and a deadline, shared
 * by every diff of the request, so a hostile pair of chapters costs a bounded amount of CPU.
 */
public final class DiffBudget {

  /** How many comparisons run between two looks at the clock. */
  private static final int CLOCK_EVERY = 4096;

  private final long maxComparisons;
  private final long deadlineNanos;
  private long comparisons;

  private DiffBudget(long maxComparisons, long deadlineNanos) {
    this.maxComparisons = maxComparisons;
    this.deadlineNanos = deadlineNanos;
  }

  /** A budget of {@code maxComparisons} element comparisons, ending {@code timeout} from now. */
  public static DiffBudget of(long maxComparisons, Duration timeout) {
    return new DiffBudget(maxComparisons, System.nanoTime() + timeout.toNanos());
  }

  /** No limit: for tests and for inputs already known to be small. */
  public static DiffBudget unlimited() {
    return new DiffBudget(Long.MAX_VALUE, Long.MAX_VALUE);
  }

  /** Compares two elements, charging one comparison. */
  <T> boolean equal(T a, T b) {
    spend();
    return a.equals(b);
  }

  /**
   * Charges one comparison.
   *
   * @throws DiffTooLarge when the comparisons or the time are used up
   */
  void spend() {
    comparisons++;
    if (comparisons > maxComparisons) {
      throw new DiffTooLarge("more than " + maxComparisons + " comparisons");
    }
    if (deadlineNanos != Long.MAX_VALUE
        && comparisons % CLOCK_EVERY == 0
        && System.nanoTime() - deadlineNanos > 0) {
      throw new DiffTooLarge("the time budget ran out");
    }
  }

  /** Whether the deadline has passed; checked between chapters. */
  public boolean expired() {
    return deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0;
  }
}
