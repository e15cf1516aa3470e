package io.galley.ingest.commits;

import io.galley.ingest.observability.IngestMetrics;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the poller on one thread every poll interval, and at once when a push webhook asks. A failed
 * poll (broker or remote down) is logged and retried at the next tick.
 */
public class PollScheduler implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PollScheduler.class);

  private final RepositoryPoller poller;
  private final long intervalMillis;
  private final IngestMetrics metrics;
  private ScheduledExecutorService executor;
  private volatile String lastError;

  PollScheduler(RepositoryPoller poller, long intervalMillis, IngestMetrics metrics) {
    this.poller = poller;
    this.intervalMillis = intervalMillis;
    this.metrics = metrics;
  }

  @Override
  public synchronized void start() {
    executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "galley-ingest-poll"));
    executor.scheduleWithFixedDelay(this::pollOnce, 0, intervalMillis, TimeUnit.MILLISECONDS);
  }

  /** Asks for a poll now (after any running one). */
  public synchronized void trigger() {
    if (executor != null) {
      executor.execute(this::pollOnce);
    }
  }

  /** The message of the last failed poll, or null when the last poll succeeded. */
  public String lastError() {
    return lastError;
  }

  /** The branch being followed, once the repository is open; else the configured one or null. */
  public String branch() {
    return poller.branch();
  }

  private void pollOnce() {
    try {
      metrics.timePoll(poller::poll);
      if (lastError != null) {
        log.info("polling recovered");
        lastError = null;
      }
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        return; // shutting down: the interrupted fetch or send is not a failure
      }
      if (!String.valueOf(e.getMessage()).equals(lastError)) {
        log.warn("poll failed, retrying: {}", e.toString(), e);
      }
      lastError = String.valueOf(e.getMessage());
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
    }
    poller.close();
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
