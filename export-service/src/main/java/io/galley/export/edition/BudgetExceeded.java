package io.galley.export.edition;

/**
 * A build went over one of its {@link BuildBudget}s; deterministic, so it is not retried, and its
 * message is the reason the portal shows.
 */
public final class BudgetExceeded extends RuntimeException {

  /** Creates the failure; {@code reason} names the chapter or image and the budget. */
  public BudgetExceeded(String reason) {
    super(reason);
  }
}
