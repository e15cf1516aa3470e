package io.galley.render.preview;

import io.galley.render.RenderProperties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The previews that may run at once ({@code galley.render.preview-concurrency}) and the threads
 * they run on. A slot is held from reading the body until the conversion ends, even when the
 * request has given up waiting for it, so a slow conversion still counts against the cap.
 */
@Component
class PreviewSlots implements DisposableBean {

  private final int capacity;
  private final Semaphore permits;
  private final ExecutorService threads;

  PreviewSlots(RenderProperties properties) {
    this.capacity = properties.previewConcurrency();
    this.permits = new Semaphore(capacity);
    this.threads =
        new ThreadPoolExecutor(
            capacity,
            capacity,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "preview");
              t.setDaemon(true);
              return t;
            });
  }

  int capacity() {
    return capacity;
  }

  /** A slot, or null when all are taken. */
  Slot tryTake() {
    return permits.tryAcquire() ? new Slot() : null;
  }

  @Override
  public void destroy() {
    threads.shutdownNow();
  }

  /** One preview's share: released once, when its work ends or it is given up. */
  final class Slot {

    private final AtomicBoolean released = new AtomicBoolean();

    /** Runs {@code work} on a preview thread; the slot is released when it ends. */
    <T> Future<T> run(Callable<T> work) {
      return threads.submit(
          () -> {
            try {
              return work.call();
            } finally {
              release();
            }
          });
    }

    void release() {
      if (released.compareAndSet(false, true)) {
        permits.release();
      }
    }
  }
}
