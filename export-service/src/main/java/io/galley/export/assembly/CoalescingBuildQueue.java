package io.galley.export.assembly;

import io.galley.export.edition.BookContent;
import io.galley.export.edition.PipelineObserver;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs builds off the consumer threads with one "newest pending" slot per book: while a build runs,
 * newer ready manifests replace each other in the slot, so only the newest is built next.
 */
final class CoalescingBuildQueue implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CoalescingBuildQueue.class);

  private static final class Slot {
    BookContent pending;
    long pendingSeq = -1;
    long lastSeq = -1; // seqs are offsets, which start at 0
    boolean scheduled;
  }

  private final Consumer<BookContent> build;
  private final ExecutorService executor;
  private final PipelineObserver observer;
  private final Map<String, Slot> slots = new HashMap<>();
  private boolean paused;
  private int running;
  private volatile String lastFailure;
  private volatile String stopped;

  CoalescingBuildQueue(Consumer<BookContent> build, ExecutorService executor) {
    this(build, executor, PipelineObserver.NONE);
  }

  CoalescingBuildQueue(
      Consumer<BookContent> build, ExecutorService executor, PipelineObserver observer) {
    this.build = build;
    this.executor = executor;
    this.observer = observer;
  }

  /** Offers a ready manifest; it is dropped when a newer one was offered for the book. */
  synchronized void offer(String bookId, long seq, BookContent content) {
    Slot slot = slots.computeIfAbsent(bookId, b -> new Slot());
    if (seq <= slot.lastSeq || (slot.pending != null && seq <= slot.pendingSeq)) {
      observer.superseded(content.manifest());
      return;
    }
    if (slot.pending != null) {
      observer.superseded(slot.pending.manifest());
    }
    slot.pending = content;
    slot.pendingSeq = seq;
    if (!paused) {
      schedule(bookId, slot);
    }
  }

  private void schedule(String bookId, Slot slot) {
    if (!slot.scheduled) {
      slot.scheduled = true;
      try {
        executor.execute(() -> drain(bookId));
      } catch (RejectedExecutionException e) {
        slot.scheduled = false;
        stopped = "the build worker refuses work: " + e.getMessage();
        throw e;
      }
    }
  }

  /**
   * Starts no more builds (books are about to change hands) and waits, at most {@code timeout}, for
   * the running one to publish, so the books' next owner sees its editions.
   *
   * @return whether no build runs any more
   */
  synchronized boolean pause(Duration timeout) {
    paused = true;
    long deadline = System.nanoTime() + timeout.toNanos();
    while (running > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        LOG.warn("a build still runs after {}; handing its book over anyway", timeout);
        return false;
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /** Builds again what is pending. */
  synchronized void resume() {
    paused = false;
    slots.forEach(
        (bookId, slot) -> {
          if (slot.pending != null) {
            schedule(bookId, slot);
          }
        });
  }

  /**
   * Drops the pending build of each book (another instance owns it now) and forgets its order, so
   * the book is built again if it comes back; a build already running finishes.
   */
  synchronized void forget(Set<String> bookIds) {
    for (String bookId : bookIds) {
      Slot slot = slots.get(bookId);
      if (slot != null) {
        slot.pending = null;
        slot.pendingSeq = -1;
        slot.lastSeq = -1;
      }
    }
  }

  /** Why the queue cannot build any more, or empty while it works; for readiness. */
  Optional<String> stopped() {
    if (stopped == null && executor.isShutdown()) {
      return Optional.of("the build worker was shut down");
    }
    return Optional.ofNullable(stopped);
  }

  /** The last build that threw instead of publishing a failure, for the health details. */
  Optional<String> lastFailure() {
    return Optional.ofNullable(lastFailure);
  }

  private void drain(String bookId) {
    try {
      drainSlot(bookId);
    } catch (Throwable e) { // only reached if the loop itself breaks: say so, never silently
      synchronized (this) {
        slots.get(bookId).scheduled = false;
      }
      stopped = "the build loop of " + bookId + " stopped: " + e;
      LOG.error("build loop of {} stopped", bookId, e);
    }
  }

  private void drainSlot(String bookId) {
    while (true) {
      BookContent next;
      synchronized (this) {
        Slot slot = slots.get(bookId);
        next = slot.pending;
        if (next == null || paused) {
          slot.scheduled = false; // resume() schedules what is still pending
          return;
        }
        slot.pending = null;
        slot.lastSeq = slot.pendingSeq;
        running++;
      }
      try {
        build.accept(next);
      } catch (Throwable e) { // whatever one build throws, the next one runs
        LOG.error("build of {} at {} failed", bookId, next.manifest().commit(), e);
        lastFailure = bookId + " at " + next.manifest().commit() + ": " + e;
      } finally {
        synchronized (this) {
          running--;
          notifyAll();
        }
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    executor.shutdownNow();
    executor.awaitTermination(10, TimeUnit.SECONDS);
  }
}
