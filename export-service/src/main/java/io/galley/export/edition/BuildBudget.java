package io.galley.export.edition;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;

/**
 * What one edition build may cost, prefix {@code galley.export.build}; a zero or absent value takes
 * the default. A build over a budget fails alone with a reason naming the chapter and the budget.
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
 *     percentage of the maximum heap, checked between chapters; a build that finds more fails
 *     instead of running the service out of memory; default 85
 */
public record BuildBudget(
    int maxPages,
    Duration timeout,
    int maxChapterChars,
    long maxBookChars,
    long maxImagePixels,
    int maxImageSide,
    long maxTotalImagePixels,
    int attempts,
    int maxHeapPercent) {

  /** Every default. */
  public static final BuildBudget DEFAULTS = new BuildBudget(0, null, 0, 0, 0, 0, 0, 0, 0);

  public BuildBudget {
    maxPages = orDefault(maxPages, 5_000, "max-pages");
    timeout = timeout == null || timeout.isZero() ? Duration.ofMinutes(10) : timeout;
    maxChapterChars = orDefault(maxChapterChars, 5_000_000, "max-chapter-chars");
    maxBookChars = orDefault(maxBookChars, 50_000_000L, "max-book-chars");
    maxImagePixels = orDefault(maxImagePixels, 40_000_000L, "max-image-pixels");
    maxImageSide = orDefault(maxImageSide, 20_000, "max-image-side");
    maxTotalImagePixels = orDefault(maxTotalImagePixels, 400_000_000L, "max-total-image-pixels");
    attempts = orDefault(attempts, 2, "attempts");
    maxHeapPercent = orDefault(maxHeapPercent, 85, "max-heap-percent");
    if (maxHeapPercent > 100) {
      throw new IllegalArgumentException(
          "galley.export.build.max-heap-percent is a percentage, got " + maxHeapPercent);
    }
    if (timeout.isNegative()) {
      throw new IllegalArgumentException(
          "galley.export.build.timeout must be positive: " + timeout);
    }
  }

  private static int orDefault(int value, int fallback, String name) {
    return (int) orDefault((long) value, fallback, name);
  }

  private static long orDefault(long value, long fallback, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(
          "galley.export.build." + name + " must be positive, got " + value);
    }
    return value == 0 ? fallback : value;
  }

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
