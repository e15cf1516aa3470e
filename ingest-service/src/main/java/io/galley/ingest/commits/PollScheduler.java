package io.galley.ingest.commits;

import io.galley.ingest.observability.IngestMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the poller on one thread every poll interval, and at once when a push webhook asks (any
 * number of asks while a poll waits to start make one poll). A failed poll, whatever it throws, is
 * logged, reported by {@link #problem()} and retried at the next tick; the loop itself never stops
 * before {@link #stop()}, and if it does all the same, {@link #problem()} says so.
 */
public class PollScheduler implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PollScheduler.class);

  private final RepositoryPoller poller;
  private final long intervalMillis;
  private final IngestMetrics metrics;
  private final Duration stallTimeout;
  private final Clock clock;
  private final AtomicBoolean triggerPending = new AtomicBoolean();
  private ScheduledExecutorService executor;
  private volatile ScheduledFuture<?> loop;
  private volatile String lastError;
  private volatile Instant pollStarted;

  PollScheduler(
      RepositoryPoller poller,
      long intervalMillis,
      IngestMetrics metrics,
      Duration stallTimeout,
      Clock clock) {
    this.poller = poller;
    this.intervalMillis = intervalMillis;
    this.metrics = metrics;
    this.stallTimeout = stallTimeout;
    this.clock = clock;
  }

  @Override
  public synchronized void start() {
    executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "galley-ingest-poll"));
    loop =
        executor.scheduleWithFixedDelay(this::pollOnce, 0, intervalMillis, TimeUnit.MILLISECONDS);
  }

  /**
   * Asks for a poll now (after any running one). Asks made while one is waiting to start join it,
   * so a flood of webhooks costs one fetch.
   */
  public synchronized void trigger() {
    if (executor != null && triggerPending.compareAndSet(false, true)) {
      executor.execute(
          () -> {
            triggerPending.set(false);
            pollOnce();
          });
    }
  }

  /** The message of the last failed poll, or null when the last poll succeeded. */
  public String lastError() {
    return lastError;
  }

  /**
   * Why polling does not work now, or null when it does: the loop stopped, a poll has run longer
   * than the stall timeout, or the last poll failed.
   */
  public String problem() {
    if (loop != null && loop.isDone()) {
      return "the poll loop stopped; restart the service (last error: " + lastError + ")";
    }
    Instant started = pollStarted;
    if (started != null) {
      Duration running = Duration.between(started, clock.instant());
      if (running.compareTo(stallTimeout) > 0) {
        return "a poll has been running for "
            + running.toSeconds()
            + "s (galley.ingest.poll-stall-timeout is "
            + stallTimeout.toSeconds()
            + "s)";
      }
    }
    return lastError;
  }

  /** Whether another instance publishes and this one stands by (see {@link IngestRole}). */
  public boolean standby() {
    return poller.standby();
  }

  /** This instance's name and role, such as {@code "ingest-2: standby"}. */
  public String role() {
    return poller.role();
  }

  /** The poll interval, for messages. */
  public Duration interval() {
    return Duration.ofMillis(intervalMillis);
  }

  /** The branch being followed, once the repository is open; else the configured one or null. */
  public String branch() {
    return poller.branch();
  }

  private void pollOnce() {
    pollStarted = clock.instant();
    try {
      metrics.timePoll(poller::poll);
      if (lastError != null) {
        log.info("polling recovered");
        lastError = null;
      }
    } catch (Throwable e) {
      // an Error escaping a scheduled task would cancel the loop silently: catch everything
      if (Thread.currentThread().isInterrupted()) {
        return; // shutting down: the interrupted fetch or send is not a failure
      }
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      if (!message.equals(lastError)) {
        log.warn("poll failed, retrying: {}", e.toString(), e);
      }
      lastError = message;
    } finally {
      pollStarted = null;
    }
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      try {
        executor.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      executor = null;
      loop = null;
    }
    poller.close();
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
