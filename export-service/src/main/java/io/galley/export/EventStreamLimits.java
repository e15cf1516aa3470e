package io.galley.export;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds of {@code GET /api/events}, prefix {@code galley.export.events}; validated at start-up
 * (both must be positive).
 *
 * @param maxConnections open streams at once; more get 503 with Retry-After; default 100
 * @param timeout the longest one stream stays open (the browser reconnects); default 30 min
 */
@Validated
public record EventStreamLimits(
    @DefaultValue("100") @Positive int maxConnections,
    @DefaultValue("30m") @DurationMin(nanos = 1) Duration timeout) {

  /** Every default, bound from the {@code @DefaultValue}s above (written once, there). */
  public static final EventStreamLimits DEFAULTS =
      new Binder().bindOrCreate("galley.export.events", EventStreamLimits.class);
}
