package io.galley.fault;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One run of the hostile load against a stack (started by the test or already running): the watch,
 * the ordinary client and the hostile workers together, then the report.
 */
final class HostileLoadRun {

  /** Run settings, from system properties with CI-sized defaults. */
  record Settings(
      Duration duration, int workers, int maxPerWorker, int streamsPerWorker, int normalThreads) {

    static Settings fromSystemProperties() {
      return new Settings(
          Duration.ofSeconds(Long.getLong("galley.load.duration-seconds", 60)),
          Integer.getInteger("galley.load.workers", 20),
          Integer.getInteger("galley.load.max-per-worker", 40),
          Integer.getInteger("galley.load.streams-per-worker", 5),
          Integer.getInteger("galley.load.normal-threads", 2));
    }
  }

  private HostileLoadRun() {}

  static LoadReport run(LoadTarget target, Map<String, BooleanSupplier> alive, Settings settings)
      throws InterruptedException {
    long started = System.nanoTime();
    try (StackWatch watch = new StackWatch(target, alive).start();
        NormalTraffic normal = new NormalTraffic(target, settings.normalThreads(), 20_000)) {
      normal.start();
      HostileLoad load =
          new HostileLoad(
              HostileRequests.all(target),
              settings.workers(),
              settings.maxPerWorker(),
              settings.streamsPerWorker(),
              settings.duration());
      Map<String, EndpointStats> stats = load.run();
      normal.close();
      watch.sampleAll();
      return new LoadReport(
          stats,
          watch.seen(),
          normal.count(),
          normal.quantile(0.50),
          normal.quantile(0.99),
          normal.failures(),
          Duration.ofNanos(System.nanoTime() - started));
    }
  }
}
