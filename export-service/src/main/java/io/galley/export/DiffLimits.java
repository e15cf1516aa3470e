package io.galley.export;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds of {@code GET /books/{bookId}/diff}, prefix {@code galley.export.diff}; validated at
 * start-up (every bound must be positive).
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
@Validated
public record DiffLimits(
    @DefaultValue("2000000") @Positive int maxChapterChars,
    @DefaultValue("20000") @Positive int maxBlocks,
    @DefaultValue("50000000") @Positive long maxComparisons,
    @DefaultValue("2000") @Positive int maxChangedBlocks,
    @DefaultValue("2") @Positive int maxConcurrent,
    @DefaultValue("10s") @DurationMin(nanos = 1) Duration timeout,
    @DefaultValue("4000000") @Positive long cacheChars) {

  /** Every default, bound from the {@code @DefaultValue}s above (written once, there). */
  public static final DiffLimits DEFAULTS =
      new Binder().bindOrCreate("galley.export.diff", DiffLimits.class);
}
