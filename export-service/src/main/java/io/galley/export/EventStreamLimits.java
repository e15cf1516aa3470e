package io.galley.export;

import java.time.Duration;

/**
 * Bounds of {@code GET /api/events}, prefix {@code galley.export.events}; a zero or absent value
 * takes the default.
 *
 * @param maxConnections open streams at once; more get 503 with Retry-After; default 100
 * @param timeout the longest one stream stays open (the browser reconnects); default 30 min
 */
public record EventStreamLimits(int maxConnections, Duration timeout) {

  /** Every default. */
  public static final EventStreamLimits DEFAULTS = new EventStreamLimits(0, null);

  public EventStreamLimits {
    maxConnections =
        DiffLimits.positive(maxConnections, 100, "galley.export.events.max-connections");
    timeout = timeout == null || timeout.isZero() ? Duration.ofMinutes(30) : timeout;
  }
}
