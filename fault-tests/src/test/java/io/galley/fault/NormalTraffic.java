package io.galley.fault;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * An ordinary reader and editor while the hostile load runs: the site's front page, the editions
 * and commits lists and the health endpoints, back to back from a few threads, each answer timed. A
 * failed or late answer counts at the request timeout. Previews are left out on purpose: the
 * preview endpoint is the one being flooded, and its few slots shed the flood with a quick 503 and
 * Retry-After, which an ordinary preview sent into it gets too (the hostile side of the run checks
 * that answer is prompt).
 */
final class NormalTraffic implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final List<Supplier<HttpRequest>> requests = new ArrayList<>();
  private final List<Long> millis = Collections.synchronizedList(new ArrayList<>());
  private final List<String> failures = new CopyOnWriteArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final List<Thread> threads = new ArrayList<>();
  private final int maxRequests;
  private volatile boolean running = true;

  NormalTraffic(LoadTarget t, int threadCount, int maxRequests) {
    this.maxRequests = maxRequests;
    requests.add(get(t, "render", "/books/" + t.bookId() + "/"));
    requests.add(get(t, "export", "/api/editions"));
    requests.add(get(t, "ingest", "/api/commits"));
    for (String s : LoadTarget.SERVICES) {
      requests.add(get(t, s, "/actuator/health"));
    }
    for (int i = 0; i < threadCount; i++) {
      int offset = i;
      Thread thread = new Thread(() -> run(offset), "normal-traffic-" + i);
      thread.setDaemon(true);
      threads.add(thread);
    }
  }

  NormalTraffic start() {
    threads.forEach(Thread::start);
    return this;
  }

  private void run(int offset) {
    for (int n = offset; running && millis.size() < maxRequests; n++) {
      HttpRequest request = requests.get(n % requests.size()).get();
      long start = System.nanoTime();
      CompletableFuture<java.net.http.HttpResponse<Void>> sent =
          http.sendAsync(request, BodyHandlers.discarding());
      try {
        int status = sent.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).statusCode();
        long took = (System.nanoTime() - start) / 1_000_000;
        if (status != 200) {
          fail(request, "status " + status);
        }
        millis.add(status == 200 ? took : TIMEOUT.toMillis());
      } catch (TimeoutException | ExecutionException e) {
        sent.cancel(true);
        fail(request, e instanceof TimeoutException ? "timeout" : e.getCause().toString());
        millis.add(TIMEOUT.toMillis());
        if (e.getCause() instanceof IOException) {
          pause(); // a service that is down refuses at once: do not spin
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static void pause() {
    java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
  }

  private void fail(HttpRequest request, String why) {
    if (failures.size() < 200) {
      failures.add(request.method() + " " + request.uri() + ": " + why);
    }
  }

  int count() {
    return millis.size();
  }

  List<String> failures() {
    return List.copyOf(failures);
  }

  /** The latency at quantile {@code q} (0..1), in milliseconds. */
  long quantile(double q) {
    List<Long> sorted;
    synchronized (millis) {
      sorted = new ArrayList<>(millis);
    }
    if (sorted.isEmpty()) {
      return -1;
    }
    Collections.sort(sorted);
    int index = (int) Math.ceil(q * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    for (Thread t : threads) {
      t.join(TIMEOUT.plusSeconds(5).toMillis());
    }
  }

  private static Supplier<HttpRequest> get(LoadTarget t, String service, String path) {
    return () -> HttpRequest.newBuilder(t.uri(service, path)).timeout(TIMEOUT).build();
  }
}
