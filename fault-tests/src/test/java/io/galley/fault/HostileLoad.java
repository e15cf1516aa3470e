package io.galley.fault;

import io.galley.fault.HostileRequests.Case;
import io.galley.fault.HostileRequests.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends every endpoint's worst cases from {@code workers} concurrent workers each, all endpoints at
 * once, until a deadline or {@code maxPerWorker} requests per worker. Streaming endpoints (SSE) get
 * {@code streamsPerWorker} connections per worker, held open until the load ends.
 */
final class HostileLoad {

  private final List<Endpoint> endpoints;
  private final int workers;
  private final int maxPerWorker;
  private final int streamsPerWorker;
  private final Duration duration;
  private final List<InputStream> held = new CopyOnWriteArrayList<>();

  HostileLoad(
      List<Endpoint> endpoints,
      int workers,
      int maxPerWorker,
      int streamsPerWorker,
      Duration duration) {
    this.endpoints = List.copyOf(endpoints);
    this.workers = workers;
    this.maxPerWorker = maxPerWorker;
    this.streamsPerWorker = streamsPerWorker;
    this.duration = duration;
  }

  /** Runs the load; returns the outcomes by endpoint once every worker has stopped. */
  Map<String, EndpointStats> run() throws InterruptedException {
    long deadline = System.nanoTime() + duration.toNanos();
    Map<String, EndpointStats> stats = new LinkedHashMap<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            endpoints.size() * workers,
            r -> {
              Thread t = new Thread(r, "hostile-load");
              t.setDaemon(true);
              return t;
            });
    try {
      for (Endpoint e : endpoints) {
        EndpointStats s = stats.computeIfAbsent(e.name(), EndpointStats::new);
        // a client per endpoint: one client's selector thread, busy with 50 MB uploads, must not
        // delay another endpoint's connects and make the server look slow
        HttpClient http =
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        for (int w = 0; w < workers; w++) {
          int worker = w;
          pool.execute(
              () -> {
                if (e.stream()) {
                  hold(http, e, worker, s, deadline);
                } else {
                  hammer(http, e, worker, s, deadline);
                }
              });
        }
      }
      pool.shutdown();
      long bound = duration.plus(HostileRequests.TIMEOUT).plusSeconds(30).toMillis();
      if (!pool.awaitTermination(bound, TimeUnit.MILLISECONDS)) {
        pool.shutdownNow();
      }
    } finally {
      pool.shutdownNow();
      closeHeld();
    }
    return stats;
  }

  private void hammer(HttpClient http, Endpoint e, int worker, EndpointStats stats, long deadline) {
    for (int n = 0; n < maxPerWorker && System.nanoTime() < deadline; n++) {
      Case c = e.cases().get((worker + n) % e.cases().size());
      AtomicLong bytes = new AtomicLong();
      long start = System.nanoTime();
      CompletableFuture<HttpResponse<Void>> sent =
          http.sendAsync(
              c.request().get(),
              BodyHandlers.ofByteArrayConsumer(b -> b.ifPresent(a -> bytes.addAndGet(a.length))));
      String outcome;
      try {
        // the request timeout covers the headers; this also bounds reading the body
        outcome =
            Integer.toString(
                sent.get(HostileRequests.TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS).statusCode());
      } catch (TimeoutException t) {
        sent.cancel(true);
        outcome = "timeout";
      } catch (ExecutionException x) {
        outcome = outcome(x.getCause());
      } catch (InterruptedException i) {
        Thread.currentThread().interrupt();
        return;
      }
      stats.record(c.label(), outcome, (System.nanoTime() - start) / 1_000_000, bytes.get());
    }
  }

  private void hold(HttpClient http, Endpoint e, int worker, EndpointStats stats, long deadline) {
    for (int n = 0; n < streamsPerWorker && System.nanoTime() < deadline; n++) {
      Case c = e.cases().get((worker + n) % e.cases().size());
      long start = System.nanoTime();
      String outcome;
      try {
        HttpResponse<InputStream> r = http.send(c.request().get(), BodyHandlers.ofInputStream());
        outcome = Integer.toString(r.statusCode());
        if (r.statusCode() == 200) {
          held.add(r.body()); // kept open, unread past the flow-control window, until the end
        } else {
          r.body().close();
        }
      } catch (IOException x) {
        outcome = outcome(x);
      } catch (InterruptedException i) {
        Thread.currentThread().interrupt();
        return;
      }
      stats.record(c.label(), outcome, (System.nanoTime() - start) / 1_000_000, 0);
    }
  }

  private void closeHeld() {
    for (InputStream in : new ArrayList<>(held)) {
      try {
        in.close();
      } catch (IOException ignored) {
        // the server may have ended it already
      }
    }
    held.clear();
  }

  /** A refused connection means the service is not serving; a reset after a refusal is bounded. */
  static String outcome(Throwable t) {
    if (t instanceof java.net.http.HttpConnectTimeoutException) {
      return "connect-timeout";
    }
    if (t instanceof HttpTimeoutException) {
      return "timeout";
    }
    if (t instanceof ConnectException || t.getCause() instanceof ConnectException) {
      return "refused";
    }
    return t instanceof IOException ? "closed" : "error:" + t.getClass().getSimpleName();
  }
}
