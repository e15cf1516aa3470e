package io.galley.fault;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Watches each service while the load runs: its heap from {@code /actuator/prometheus} every 250
 * ms, its health every second, and (when the test started it) whether its process is still alive.
 *
 * <p>The heap measure asserted on is Micrometer's {@code jvm.memory.usage.after.gc} for the
 * long-lived pool: the old generation's occupancy right after the latest collection, as a fraction
 * of its maximum (with G1, the maximum heap). Plain {@code jvm.memory.used} is printed but not
 * asserted: it includes garbage the next young collection frees, so it touches the maximum on a
 * healthy JVM that merely allocates fast, whereas the after-GC occupancy only rises with what
 * survives collection, which is what runs a JVM out of memory.
 */
final class StackWatch implements AutoCloseable {

  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

  /** What was seen of one service. */
  static final class Seen {
    volatile int heapSamples;
    volatile double maxUsed = -1;
    volatile double maxAfterGc = -1;
    volatile double lastAfterGc = -1;
    volatile double heapMax = -1;
    volatile int healthProbes;
    volatile boolean exited;
    final java.util.concurrent.atomic.AtomicInteger notUpCount =
        new java.util.concurrent.atomic.AtomicInteger();
    final List<String> notUp = new CopyOnWriteArrayList<>();
  }

  private final LoadTarget target;
  private final Map<String, BooleanSupplier> alive;
  private final Map<String, Seen> seen = new LinkedHashMap<>();
  private final long started = System.nanoTime();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final ScheduledExecutorService timer =
      Executors.newScheduledThreadPool(
          LoadTarget.SERVICES.size() * 2,
          r -> {
            Thread t = new Thread(r, "stack-watch");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param alive per service, whether its process is alive (empty when the stack runs elsewhere)
   */
  StackWatch(LoadTarget target, Map<String, BooleanSupplier> alive) {
    this.target = target;
    this.alive = Map.copyOf(alive);
    LoadTarget.SERVICES.forEach(s -> seen.put(s, new Seen()));
  }

  StackWatch start() {
    for (String s : LoadTarget.SERVICES) {
      timer.scheduleWithFixedDelay(() -> sampleHeap(s), 0, 250, TimeUnit.MILLISECONDS);
      timer.scheduleWithFixedDelay(() -> probeHealth(s), 0, 1, TimeUnit.SECONDS);
    }
    return this;
  }

  Map<String, Seen> seen() {
    return seen;
  }

  /** One heap sample of every service now (used after the load, to see what stays). */
  void sampleAll() {
    LoadTarget.SERVICES.forEach(this::sampleHeap);
    alive.forEach(
        (service, process) -> {
          if (!process.getAsBoolean()) {
            seen.get(service).exited = true;
          }
        });
  }

  private void sampleHeap(String service) {
    Seen s = seen.get(service);
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(target.uri(service, "/actuator/prometheus"))
                  .timeout(PROBE_TIMEOUT)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        return;
      }
      PrometheusText metrics = PrometheusText.parse(r.body());
      OptionalDouble used = metrics.sum("jvm_memory_used_bytes", PrometheusText.heap());
      OptionalDouble max = metrics.sum("jvm_memory_max_bytes", PrometheusText.heap());
      OptionalDouble afterGc =
          metrics.first(
              "jvm_memory_usage_after_gc",
              l -> "heap".equals(l.get("area")) && "long-lived".equals(l.get("pool")));
      synchronized (s) {
        s.heapSamples++;
        if (used.isPresent() && max.isPresent() && max.getAsDouble() > 0) {
          s.heapMax = max.getAsDouble();
          s.maxUsed = Math.max(s.maxUsed, used.getAsDouble() / max.getAsDouble());
        }
        if (afterGc.isPresent()) {
          s.lastAfterGc = afterGc.getAsDouble();
          s.maxAfterGc = Math.max(s.maxAfterGc, afterGc.getAsDouble());
        }
      }
    } catch (java.io.IOException e) {
      // a missed sample; health probing reports a service that stopped answering
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void probeHealth(String service) {
    Seen s = seen.get(service);
    s.healthProbes++;
    BooleanSupplier process = alive.get(service);
    if (process != null && !process.getAsBoolean()) {
      s.exited = true;
    }
    String problem;
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(target.uri(service, "/actuator/health"))
                  .timeout(PROBE_TIMEOUT)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      boolean up = r.statusCode() == 200 && r.body().contains("\"status\":\"UP\"");
      problem = up ? null : "status " + r.statusCode() + " " + abbreviate(r.body());
    } catch (java.io.IOException e) {
      problem = e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (problem != null && s.notUpCount.incrementAndGet() <= 50) {
      s.notUp.add(String.format("%.1fs %s", (System.nanoTime() - started) / 1e9, problem));
    }
  }

  private static String abbreviate(String body) {
    return body.length() > 120 ? body.substring(0, 120) + "..." : body;
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
