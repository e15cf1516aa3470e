package io.galley.render.build;

import static io.galley.kafka.CoPartitionedListener.HAND_OVER_WAIT;

import io.galley.events.CommitIngested;
import io.galley.kafka.TopicProgress;
import io.galley.observability.CommitTrace;
import io.galley.observability.CommitTracing;
import io.galley.render.RenderProperties;
import io.galley.render.publishing.PublishException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Builds ready manifests one at a time on its own thread, so listeners never block on a build and
 * builds never run concurrently. No throwable from one build stops it: a build that fails is tried
 * {@code galley.render.build-attempts} times, then published as {@code EditionFailed}; Kafka
 * failures are retried until Kafka answers. Its state is reported by {@link #problem()}.
 */
@Component
public class RetryingBuildQueue implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(RetryingBuildQueue.class);

  private final ManifestJoin join;
  private final EditionBuildJob job;
  private final ChapterCache cache;
  private final TopicProgress editions;
  private final int attempts;
  private final long retryMillis;
  private final CommitTracing tracing;

  /** Failed attempts at the newest failing commit of each book; the build thread's only. */
  private final Map<String, Attempts> failures = new HashMap<>();

  private volatile String problem;
  private volatile boolean paused;

  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "render-worker"));

  RetryingBuildQueue(
      ManifestJoin join,
      EditionBuildJob job,
      ChapterCache cache,
      TopicProgress renderEditionsProgress,
      RenderProperties properties,
      CommitTracing tracing) {
    this.join = join;
    this.job = job;
    this.cache = cache;
    this.editions = renderEditionsProgress;
    this.attempts = properties.buildAttempts();
    this.retryMillis = properties.buildRetryDelay().toMillis();
    this.tracing = tracing;
  }

  /** Why the queue cannot build, when it cannot (for readiness); empty while it works. */
  Optional<String> problem() {
    if (executor.isShutdown()) {
      return Optional.of("render worker stopped");
    }
    return Optional.ofNullable(problem);
  }

  /** Asks the queue to build whatever is ready. */
  public void wake() {
    try {
      executor.execute(this::drain);
    } catch (RejectedExecutionException e) {
      log.debug("render worker stopped; ignoring wake-up");
    }
  }

  /**
   * Forgets what this instance kept for books another instance owns now (chapters published,
   * renderings, failed attempts), on the worker thread, after any build running now.
   */
  public void forget(Set<String> bookIds) {
    if (bookIds.isEmpty()) {
      return;
    }
    try {
      executor.execute(
          () ->
              bookIds.forEach(
                  bookId -> {
                    job.forget(bookId);
                    cache.forget(bookId);
                    failures.remove(bookId);
                  }));
    } catch (RejectedExecutionException e) {
      log.debug("render worker stopped; nothing to forget");
    }
  }

  /**
   * Starts no more builds and waits, at most {@link
   * io.galley.kafka.CoPartitionedListener#HAND_OVER_WAIT}, for the running one to publish
   * (partitions are about to move: their next owner must see its edition).
   */
  public void pause() {
    paused = true;
    try {
      executor.submit(() -> {}).get(HAND_OVER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      log.debug("render worker stopped; nothing to wait for");
    } catch (ExecutionException | TimeoutException e) {
      log.warn("a build still runs after {}; handing its book over anyway", HAND_OVER_WAIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Builds again; when {@code tookBooks}, after reading the editions to their end. */
  public void resume(boolean tookBooks) {
    if (tookBooks) {
      editions.markBehind();
    }
    paused = false;
    wake();
  }

  private void drain() {
    if (paused) {
      return; // resume() wakes the worker again
    }
    try {
      editions.awaitIfBehind(HAND_OVER_WAIT);
      for (Optional<CommitIngested> m = takeUnlessPaused(); m.isPresent(); m = takeUnlessPaused()) {
        if (!build(m.get())) {
          retryLater();
          return;
        }
      }
      problem = null;
    } catch (Throwable t) {
      // outside any one build (the join itself): keep the loop alive and say so in readiness
      problem = "render worker failed outside a build: " + t;
      log.error("render worker failed outside a build; trying again in {} ms", retryMillis, t);
      retryLater();
    }
  }

  private Optional<CommitIngested> takeUnlessPaused() {
    return paused ? Optional.empty() : join.takeReady();
  }

  private void retryLater() {
    try {
      executor.schedule(this::drain, retryMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      log.debug("render worker stopped; not retrying");
    }
  }

  /**
   * Builds one manifest in a span of its commit's trace (the commit in the log context); false when
   * it must retry.
   */
  private boolean build(CommitIngested m) {
    try (CommitTrace trace = tracing.open("render build", m.commit())) {
      try {
        job.build(m);
        failures.remove(m.bookId());
        join.built(m);
        return true;
      } catch (PublishException e) {
        // infrastructure (Kafka unreachable): the same manifest again later, however often
        log.warn("build of {}@{} not published; retrying", m.bookId(), m.commit(), e);
        join.requeue(m);
        return false;
      } catch (Throwable t) {
        return failed(m, t);
      }
    }
  }

  /** A failed build: tried again later, or after the last attempt published as failed. */
  private boolean failed(CommitIngested m, Throwable t) {
    Attempts previous = failures.get(m.bookId());
    int n = previous != null && previous.commit().equals(m.commit()) ? previous.count() + 1 : 1;
    failures.put(m.bookId(), new Attempts(m.commit(), n));
    if (n < attempts) {
      log.warn("build of {}@{} failed (attempt {} of {})", m.bookId(), m.commit(), n, attempts, t);
      join.requeue(m);
      return false;
    }
    log.error("build of {}@{} failed {} times; giving up", m.bookId(), m.commit(), n, t);
    try {
      job.fail(m, String.valueOf(t));
      failures.remove(m.bookId());
      join.built(m);
      return true;
    } catch (RuntimeException e) {
      log.warn("EditionFailed of {}@{} not published; retrying", m.bookId(), m.commit(), e);
      join.requeue(m);
      return false;
    }
  }

  /** Failed attempts at one commit. */
  private record Attempts(String commit, int count) {}

  @Override
  public void destroy() {
    executor.shutdownNow();
  }
}
