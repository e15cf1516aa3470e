package io.galley.export.pdf;

import io.galley.events.Digests;
import io.galley.export.edition.BookContent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Finds each part in the cache or lays it out on a small pool of daemon threads; at most twice as
 * many parts as threads are in flight, so heap stays bounded whatever the book's length.
 */
final class PdfPartLayouts {

  private final PdfPartCache cache;
  private final PdfPartRenderer renderer;
  private final String keyPrefix;
  private final ExecutorService pool;
  private final Semaphore inFlight;

  PdfPartLayouts(PdfPartCache cache, PdfPartRenderer renderer, String keyPrefix, int threads) {
    this.cache = cache;
    this.renderer = renderer;
    this.keyPrefix = keyPrefix;
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory =
        r -> {
          Thread t = new Thread(r, "galley-pdf-layout-" + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
    executor.allowCoreThreadTimeOut(true);
    this.pool = executor;
    this.inFlight = new Semaphore(2 * threads);
  }

  /**
   * The part of {@code html}: from the cache, else laid out in the background. Appends its key to
   * {@code keys} and its file to {@code used}.
   */
  Future<PdfPart> submit(
      BookContent book, org.jsoup.nodes.Document html, Set<Path> used, StringBuilder keys)
      throws IOException {
    String key = Digests.sha256Hex(keyPrefix + html.outerHtml());
    keys.append('\n').append(key);
    Path file = cache.file(book.manifest().bookId(), key);
    used.add(file);
    Optional<PdfPart> cached = cache.get(file);
    if (cached.isPresent()) {
      return CompletableFuture.completedFuture(cached.get());
    }
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting to lay out a part", e);
    }
    try {
      return pool.submit(
          () -> {
            try {
              return renderer.render(html, book.assets(), file);
            } finally {
              inFlight.release();
            }
          });
    } catch (RuntimeException e) {
      inFlight.release();
      throw e;
    }
  }

  /** The part, once laid out; failures surface as they were thrown. */
  static PdfPart await(Future<PdfPart> part) throws IOException {
    try {
      return part.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while laying out a part", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new UncheckedIOException(new IOException(cause));
    }
  }
}
