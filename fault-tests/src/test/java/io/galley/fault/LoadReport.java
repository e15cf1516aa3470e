package io.galley.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hostile load's verdict against issue 16's bounds: every service alive, its heap after
 * collection below 80 % of the maximum, its health UP throughout, ordinary requests with a p99
 * under 2 s, and every hostile request answered within its timeout with a bounded status.
 */
record LoadReport(
    Map<String, EndpointStats> endpoints,
    Map<String, StackWatch.Seen> services,
    long normalCount,
    long normalP50,
    long normalP99,
    List<String> normalFailures,
    Duration took) {

  static final double HEAP_LIMIT = 0.80;
  static final long P99_LIMIT_MILLIS = 2000;

  /** Every bound that did not hold, in words; empty when the stack held. */
  List<String> violations() {
    List<String> out = new ArrayList<>();
    services.forEach(
        (name, s) -> {
          if (s.exited) {
            out.add(name + ": the process exited during the load");
          }
          if (s.maxAfterGc >= HEAP_LIMIT) {
            out.add(
                String.format(
                    "%s: heap after GC reached %.0f %% of its maximum (limit %.0f %%)",
                    name, 100 * s.maxAfterGc, 100 * HEAP_LIMIT));
          }
          if (s.heapSamples == 0 || s.maxAfterGc < 0) {
            out.add(name + ": no heap-after-GC sample was read (jvm_memory_usage_after_gc)");
          }
          if (s.notUpCount.get() > 0) {
            out.add(
                name
                    + ": health not UP in "
                    + s.notUpCount.get()
                    + " of "
                    + s.healthProbes
                    + " probes, first: "
                    + s.notUp.get(0));
          }
        });
    if (normalP99 >= P99_LIMIT_MILLIS) {
      out.add("ordinary requests: p99 " + normalP99 + " ms (limit " + P99_LIMIT_MILLIS + " ms)");
    }
    if (!normalFailures.isEmpty()) {
      out.add(
          "ordinary requests: "
              + normalFailures.size()
              + " failed, first: "
              + normalFailures.get(0));
    }
    endpoints.forEach(
        (name, e) -> {
          if (e.unboundedCount() > 0) {
            out.add(
                name
                    + ": "
                    + e.unboundedCount()
                    + " requests without a bounded answer, e.g. "
                    + e.unboundedExamples());
          }
          if (e.requests() == 0) {
            out.add(name + ": no request was sent");
          }
        });
    return out;
  }

  /** The summary table, one line per endpoint and per service. */
  String summary() {
    StringBuilder out = new StringBuilder();
    out.append(String.format("hostile load, %d s%n", took.toSeconds()));
    out.append(
        String.format(
            "%-34s %6s  %-46s %s%n",
            "endpoint", "reqs", "outcomes", "max latency (case), max body"));
    endpoints.values().forEach(e -> out.append(e.row()).append('\n'));
    out.append(
        String.format(
            "%-8s %8s %12s %14s %12s %9s %8s%n",
            "service", "heap max", "used max", "after-GC max", "after-GC end", "not UP", "exited"));
    services.forEach(
        (name, s) ->
            out.append(
                String.format(
                    "%-8s %8s %12s %14s %12s %5d/%-3d %8s%n",
                    name,
                    s.heapMax < 0 ? "n/a" : Math.round(s.heapMax / (1024 * 1024)) + "MB",
                    percent(s.maxUsed),
                    percent(s.maxAfterGc),
                    percent(s.lastAfterGc),
                    s.notUpCount.get(),
                    s.healthProbes,
                    s.exited)));
    out.append(
        String.format(
            "ordinary requests: %d, p50 %d ms, p99 %d ms, failed %d%n",
            normalCount, normalP50, normalP99, normalFailures.size()));
    return out.toString();
  }

  /** A ratio as a percentage, or n/a when no sample was read. */
  private static String percent(double ratio) {
    return ratio < 0 ? "n/a" : Math.round(100 * ratio) + "%";
  }
}
