package io.galley.export.edition;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What one edition build may cost, prefix {@code galley.export.build}; validated at start-up (every
 * budget must be positive). A build over a budget fails alone with a reason naming the chapter and
 * the budget.
 *
 * @param maxPages pages of one PDF edition; default 5,000
 * @param timeout time of one format's build, checked between chapters; default 10 min
 * @param maxChapterChars rendered XHTML of one chapter, in characters; default 5,000,000
 * @param maxBookChars rendered XHTML of all chapters together; default 50,000,000
 * @param maxImagePixels width times height of one image, read from its header before decoding;
 *     default 40,000,000 (e.g. 8,000 × 5,000)
 * @param maxImageSide width or height of one image in pixels (SVG: user units); default 20,000
 * @param maxTotalImagePixels the sum over all images of a build; default 400,000,000
 * @param attempts tries of a build that fails for a reason other than a budget before it is
 *     published as failed; default 2
 * @param maxHeapPercent memory budget: the heap still live after the last garbage collection, as a
 *     percentage of the maximum heap (1 to 100), checked between chapters; a build that finds more
 *     fails instead of running the service out of memory; default 85
 */
@Validated
public record BuildBudget(
    @DefaultValue("5000") @Positive int maxPages,
    @DefaultValue("10m") @DurationMin(nanos = 1) Duration timeout,
    @DefaultValue("5000000") @Positive int maxChapterChars,
    @DefaultValue("50000000") @Positive long maxBookChars,
    @DefaultValue("40000000") @Positive long maxImagePixels,
    @DefaultValue("20000") @Positive int maxImageSide,
    @DefaultValue("400000000") @Positive long maxTotalImagePixels,
    @DefaultValue("2") @Positive int attempts,
    @DefaultValue("85") @Positive @Max(100) int maxHeapPercent) {

  /** Every default, bound from the {@code @DefaultValue}s above (written once, there). */
  public static final BuildBudget DEFAULTS =
      new Binder().bindOrCreate("galley.export.build", BuildBudget.class);

  /**
   * Checks the memory budget before more of a build is done.
   *
   * @param where what the build is about to do, for the reason (e.g. "the PDF at chapter 'intro'")
   * @throws BudgetExceeded when the heap live after the last collection is over the budget
   */
  public void checkHeap(String where) {
    int live = liveHeapPercent();
    if (live > maxHeapPercent) {
      throw new BudgetExceeded(
          "%s ran out of its memory budget: %d%% of the heap is live after garbage collection, over galley.export.build.max-heap-percent (%d%%)"
              .formatted(where, live, maxHeapPercent));
    }
  }

  /**
   * The heap that survived the last collection of each heap pool, as a percentage of the maximum
   * heap. Used rather than the current usage, which counts garbage not yet collected and so swings
   * with allocation, not with what a build really holds.
   */
  static int liveHeapPercent() {
    long live = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage afterGc = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
      if (afterGc != null) {
        live += afterGc.getUsed();
      }
    }
    return (int) (live * 100 / Runtime.getRuntime().maxMemory());
  }
}
