package io.galley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The cold-start and idle-heap phases: the sample guide published by a stack started the way {@code
 * infra/local/run} starts it with a fresh state folder, timed until {@code GET /api/editions} lists
 * its HTML edition and all three; then each service's heap at rest.
 */
final class ColdStart {

  /** What the phases measured; -1 or absent where skipped or not reached. */
  static final class Result {
    double htmlSeconds = -1;
    double allSeconds = -1;
    boolean timedFromBuildEnd;

    /** Heap used after a settle with no collection forced, MiB, by service name. */
    final Map<String, Long> settledHeapMib = new TreeMap<>();

    /** Heap used after a full collection ({@code jcmd GC.run}), MiB, by service name. */
    final Map<String, Long> idleHeapMib = new TreeMap<>();

    String note = "";
  }

  static final Map<String, Integer> SERVICES =
      Map.of("ingest", GalleyApi.INGEST, "render", GalleyApi.RENDER, "export", GalleyApi.EXPORT);

  private static final long SETTLE_MILLIS = 10_000;

  private final BenchOptions options;
  private final GalleyApi api = new GalleyApi();

  ColdStart(BenchOptions options) {
    this.options = options;
  }

  Result run() throws Exception {
    Result result = new Result();
    Path state = options.work().resolve("cold-start");
    BenchFiles.deleteTree(state);
    Files.createDirectories(state);
    state = state.toRealPath();
    SizeBenchmark.log("cold start: infra/local/run on the sample guide, fresh state %s", state);
    long start = System.currentTimeMillis();
    try (LocalStack stack =
        LocalStack.start(
            options.root(), options.root(), "guide", state, api, options.startTimeout())) {
      // a runner that rebuilt stale jars first: time the start from the end of that build
      Path build = state.resolve("logs").resolve("build.log");
      if (Files.exists(build)) {
        start = Math.max(start, Files.getLastModifiedTime(build).toMillis());
        result.timedFromBuildEnd = true;
      }
      // the idle heap is read once the start-up work (publishing the guide) is done as well
      awaitEditions(start, result);
      SizeBenchmark.log(
          "cold start: HTML listed after %s s, all three after %s s",
          Report.num(result.htmlSeconds), Report.num(result.allSeconds));
      if (options.idleHeap()) {
        idleHeap(state, result);
      }
    }
    return result;
  }

  private void awaitEditions(long start, Result result) throws InterruptedException {
    long end = System.nanoTime() + Math.min(options.startTimeout().toNanos(), options.nanosLeft());
    while (result.allSeconds < 0 && System.nanoTime() < end) {
      try {
        List<GalleyApi.Edition> editions = api.editions();
        double now = (System.currentTimeMillis() - start) / 1000.0;
        if (result.htmlSeconds < 0 && editions.stream().anyMatch(e -> e.format().equals("HTML"))) {
          result.htmlSeconds = now;
        }
        Map<String, Set<String>> formats = new TreeMap<>();
        for (GalleyApi.Edition e : editions) {
          formats.computeIfAbsent(e.bookId(), k -> new HashSet<>()).add(e.format());
        }
        if (formats.values().stream().anyMatch(f -> f.containsAll(Set.of("HTML", "EPUB", "PDF")))) {
          result.allSeconds = now;
        }
      } catch (IOException e) {
        // export not answering yet: nothing is listed
      }
      Thread.sleep(50);
    }
    if (result.allSeconds < 0) {
      result.note =
          "not every edition was listed within " + options.startTimeout().toSeconds() + " s";
    }
  }

  /**
   * The heap each service holds at rest: read from its own {@code jvm.memory.used{area=heap}} (the
   * figure operators see) after a settle, then again after a full collection, which is the one
   * compared with the target: without it the figure says when G1 last collected, not what is live.
   */
  private void idleHeap(Path state, Result result) throws Exception {
    SizeBenchmark.log("idle heap: settling %d s with no work", SETTLE_MILLIS / 1000);
    Thread.sleep(SETTLE_MILLIS);
    for (Map.Entry<String, Integer> s : new TreeMap<>(SERVICES).entrySet()) {
      long settled = api.heapUsed(s.getValue());
      if (settled >= 0) {
        result.settledHeapMib.put(s.getKey(), settled / (1024 * 1024));
      }
      var pid = Profiler.pidOf(s.getKey(), state);
      if (pid.isEmpty()) {
        result.note += " " + s.getKey() + "-service: no pid found, no full GC;";
        continue;
      }
      Profiler.jcmd(pid.get(), "GC.run");
      long idle = api.heapUsed(s.getValue());
      if (idle >= 0) {
        result.idleHeapMib.put(s.getKey(), idle / (1024 * 1024));
      }
    }
    SizeBenchmark.log(
        "idle heap MiB, settled: %s; after a full GC: %s",
        result.settledHeapMib, result.idleHeapMib);
  }
}
