package io.galley.render.pipeline;

import io.galley.events.CommitIngested;
import io.galley.observability.CommitTrace;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Builds ready manifests one at a time on its own thread, so listeners never block on a build and
 * builds never run concurrently.
 */
@Component
class RenderWorker implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(RenderWorker.class);

  private final CommitJoin join;
  private final HtmlEditionBuilder builder;
  private static final long RETRY_SECONDS = 5;

  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "render-worker"));

  RenderWorker(CommitJoin join, HtmlEditionBuilder builder) {
    this.join = join;
    this.builder = builder;
  }

  /** Asks the worker to build whatever is ready. */
  void wake() {
    try {
      executor.execute(this::drain);
    } catch (RejectedExecutionException e) {
      log.debug("render worker stopped; ignoring wake-up");
    }
  }

  private void drain() {
    for (Optional<CommitIngested> m = join.takeReady(); m.isPresent(); m = join.takeReady()) {
      if (!build(m.get())) {
        executor.schedule(this::drain, RETRY_SECONDS, TimeUnit.SECONDS);
        return;
      }
    }
  }

  /** Builds one manifest with its commit's trace in the log context; false when it must retry. */
  private boolean build(CommitIngested m) {
    try (CommitTrace trace = CommitTrace.open(m.commit())) {
      builder.build(m);
      return true;
    } catch (RuntimeException e) {
      // infrastructure failure (for example Kafka unreachable): try the same manifest again later
      try (CommitTrace trace = CommitTrace.open(m.commit())) {
        log.warn(
            "build of {}@{} failed; retrying in {} s", m.bookId(), m.commit(), RETRY_SECONDS, e);
      }
      join.requeue(m);
      return false;
    }
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }
}
