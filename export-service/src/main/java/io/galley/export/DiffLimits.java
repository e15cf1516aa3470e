package io.galley.export;

import java.time.Duration;

/**
 * Bounds of {@code GET /books/{bookId}/diff}, prefix {@code galley.export.diff}; a zero or absent
 * value takes the default.
 *
 * @param maxChapterChars a rendered chapter longer than this is not compared, only summarised;
 *     default 2,000,000
 * @param maxBlocks a chapter with more blocks (paragraphs, rows, code lines) than this on either
 *     side is summarised; default 20,000
 * @param maxComparisons element comparisons one request may spend on all its diffs; default
 *     50,000,000
 * @param maxChangedBlocks a chapter diff with more changed blocks than this is summarised ("too
 *     large to show; N blocks changed"); default 2,000
 * @param maxConcurrent diff requests computed at once; more get 503 with Retry-After; default 2
 * @param timeout deadline of one diff request; chapters not compared by then are summarised;
 *     default 10 s
 * @param cacheChars total size of the cached chapter diffs, in characters of HTML; default
 *     4,000,000
 */
public record DiffLimits(
    int maxChapterChars,
    int maxBlocks,
    long maxComparisons,
    int maxChangedBlocks,
    int maxConcurrent,
    Duration timeout,
    long cacheChars) {

  /** Every default. */
  public static final DiffLimits DEFAULTS = new DiffLimits(0, 0, 0, 0, 0, null, 0);

  public DiffLimits {
    maxChapterChars = positive(maxChapterChars, 2_000_000, "galley.export.diff.max-chapter-chars");
    maxBlocks = positive(maxBlocks, 20_000, "galley.export.diff.max-blocks");
    maxComparisons = maxComparisons == 0 ? 50_000_000L : maxComparisons;
    maxChangedBlocks = positive(maxChangedBlocks, 2_000, "galley.export.diff.max-changed-blocks");
    maxConcurrent = positive(maxConcurrent, 2, "galley.export.diff.max-concurrent");
    timeout = timeout == null || timeout.isZero() ? Duration.ofSeconds(10) : timeout;
    cacheChars = cacheChars == 0 ? 4_000_000L : cacheChars;
    if (maxComparisons < 0 || cacheChars < 0 || timeout.isNegative()) {
      throw new IllegalArgumentException(
          "galley.export.diff: max-comparisons, cache-chars and timeout must be positive, got "
              + maxComparisons
              + ", "
              + cacheChars
              + ", "
              + timeout);
    }
  }

  static int positive(int value, int fallback, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
    return value == 0 ? fallback : value;
  }
}
