package io.galley.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.slf4j.MDC;

/**
 * Maps a list on an executor and returns the results in input order; a failed item's exception is
 * rethrown as it was thrown (after every item has finished), as if the work had run on the caller,
 * whose log context (MDC) the work runs with.
 */
public final class ParallelWork {

  private ParallelWork() {}

  /**
   * {@code work} applied to each item on {@code executor}, results in the order of {@code items}.
   */
  public static <I, O> List<O> map(List<I> items, Function<I, O> work, Executor executor) {
    Map<String, String> logContext = MDC.getCopyOfContextMap();
    List<CompletableFuture<O>> futures = new ArrayList<>(items.size());
    for (I item : items) {
      futures.add(
          CompletableFuture.supplyAsync(() -> withLogContext(logContext, work, item), executor));
    }
    List<O> results = new ArrayList<>(items.size());
    Throwable failure = null;
    for (CompletableFuture<O> f : futures) {
      try {
        results.add(f.join());
      } catch (CompletionException e) {
        failure = failure == null ? e.getCause() : failure;
      }
    }
    if (failure instanceof RuntimeException r) {
      throw r;
    }
    if (failure instanceof Error err) {
      throw err;
    }
    if (failure != null) {
      throw new IllegalStateException(failure);
    }
    return results;
  }

  /** Runs the work with the caller's log context (the commit being built), then restores it. */
  private static <I, O> O withLogContext(Map<String, String> context, Function<I, O> work, I item) {
    Map<String, String> before = MDC.getCopyOfContextMap();
    if (context == null) {
      MDC.clear();
    } else {
      MDC.setContextMap(context);
    }
    try {
      return work.apply(item);
    } finally {
      if (before == null) {
        MDC.clear();
      } else {
        MDC.setContextMap(before);
      }
    }
  }
}
