package io.galley.export.edition;

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
 */
public record BuildBudget(
    int maxPages,
    Duration timeout,
    int maxChapterChars,
    long maxBookChars,
    long maxImagePixels,
    int maxImageSide,
    long maxTotalImagePixels,
    int attempts) {

  /** Every default. */
  public static final BuildBudget DEFAULTS = new BuildBudget(0, null, 0, 0, 0, 0, 0, 0);

  public BuildBudget {
    maxPages = orDefault(maxPages, 5_000, "max-pages");
    timeout = timeout == null || timeout.isZero() ? Duration.ofMinutes(10) : timeout;
    maxChapterChars = orDefault(maxChapterChars, 5_000_000, "max-chapter-chars");
    maxBookChars = orDefault(maxBookChars, 50_000_000L, "max-book-chars");
    maxImagePixels = orDefault(maxImagePixels, 40_000_000L, "max-image-pixels");
    maxImageSide = orDefault(maxImageSide, 20_000, "max-image-side");
    maxTotalImagePixels = orDefault(maxTotalImagePixels, 400_000_000L, "max-total-image-pixels");
    attempts = orDefault(attempts, 2, "attempts");
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
}
