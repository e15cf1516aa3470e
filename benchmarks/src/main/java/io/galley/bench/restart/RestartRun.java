package io.galley.bench.restart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Starts one service from scratch (new process, fresh state folder) on the topics as they are, and
 * times it: start to readiness, start to serving the newest commit of every book (polled every 250
 * ms), then its heap after a full GC and again ~10 s later, and its class histogram. A service
 * still running when the JVM exits is killed by a shutdown hook.
 */
final class RestartRun implements AutoCloseable {

  private static final long POLL_MILLIS = 250;
  private static final long SETTLE_MILLIS = 10_000;

  private final String bootstrap;
  private final Path blobs;
  private final RestartOptions options;
  private final Path work;
  private final Path histograms;
  private final Consumer<String> say;
  private final long deadline;
  private final ServingProbe probe = new ServingProbe();
  private final ConsumerLag lag;
  private final Set<ServiceProcess> running = ConcurrentHashMap.newKeySet();

  RestartRun(
      String bootstrap,
      Path blobs,
      RestartOptions options,
      Path work,
      Path histograms,
      Consumer<String> say,
      long deadline) {
    this.bootstrap = bootstrap;
    this.blobs = blobs;
    this.options = options;
    this.work = work;
    this.histograms = histograms;
    this.say = say;
    this.deadline = deadline;
    this.lag = new ConsumerLag(bootstrap);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> running.forEach(ServiceProcess::close), "restart-cleanup"));
  }

  /** Measures one start of {@code service} with {@code commits} of history. */
  RestartResult measure(String service, Path jar, int commits, Map<String, String> newest)
      throws IOException, InterruptedException {
    String name = service + "-" + commits;
    List<String> extra =
        service.equals("export")
            ? List.of("--galley.export.site-base-url=http://127.0.0.1:8082")
            : List.of();
    ServiceProcess s =
        ServiceProcess.start(
            service,
            jar,
            bootstrap,
            work.resolve("state").resolve(name),
            blobs,
            options.partitions(),
            work.resolve("logs").resolve(name + ".log"),
            extra);
    running.add(s);
    try {
      say.accept("started " + name + " (pid " + s.pid() + ", port " + s.port + ")");
      long until = Math.min(deadline, s.startedNanos + options.timeout().toNanos());
      OptionalDouble ready = OptionalDouble.empty();
      OptionalDouble serving = OptionalDouble.empty();
      OptionalDouble caughtUp = OptionalDouble.empty();
      long nextNews = System.nanoTime() + 30_000_000_000L;
      while ((ready.isEmpty() || serving.isEmpty() || caughtUp.isEmpty())
          && System.nanoTime() < until
          && s.alive()) {
        if (ready.isEmpty() && probe.ready(s)) {
          ready = OptionalDouble.of(s.secondsSinceStart());
          say.accept(
              String.format(Locale.ROOT, "%s ready after %.1f s", name, ready.getAsDouble()));
        }
        if (serving.isEmpty() && probe.servesNewest(s, newest)) {
          serving = OptionalDouble.of(s.secondsSinceStart());
          say.accept(
              String.format(
                  Locale.ROOT,
                  "%s serves the newest commits after %.1f s",
                  name,
                  serving.getAsDouble()));
        }
        if (caughtUp.isEmpty() && lag.caughtUp(service, options.partitions())) {
          caughtUp = OptionalDouble.of(s.secondsSinceStart());
          say.accept(
              String.format(
                  Locale.ROOT,
                  "%s has read its topics to the end after %.1f s",
                  name,
                  caughtUp.getAsDouble()));
        }
        if (System.nanoTime() > nextNews) {
          say.accept(
              String.format(
                  Locale.ROOT, "%s: still waiting at %.0f s", name, s.secondsSinceStart()));
          nextNews += 30_000_000_000L;
        }
        Thread.sleep(POLL_MILLIS);
      }
      String note =
          !s.alive()
              ? "exited before serving; see "
                  + work.relativize(work.resolve("logs"))
                  + "/"
                  + name
                  + ".log"
              : serving.isEmpty()
                  ? "timed out"
                  : caughtUp.isEmpty() ? "consumer lag never read 0 in time" : "";
      OptionalLong heap = OptionalLong.empty();
      OptionalLong settled = OptionalLong.empty();
      if (s.alive()) {
        heap = HeapReading.afterFullGc(s.pid());
        Thread.sleep(SETTLE_MILLIS);
        settled = HeapReading.afterFullGc(s.pid());
        Files.createDirectories(histograms);
        HeapReading.histogram(s.pid(), histograms.resolve(name + "-histogram.txt"), 500);
      }
      say.accept(
          name
              + ": heap after GC "
              + (heap.isPresent() ? heap.getAsLong() / 1024 + " MiB" : "unread")
              + ", +10 s "
              + (settled.isPresent() ? settled.getAsLong() / 1024 + " MiB" : "unread"));
      return new RestartResult(commits, service, ready, serving, caughtUp, heap, settled, note);
    } finally {
      s.close();
      running.remove(s);
    }
  }

  @Override
  public void close() {
    lag.close();
  }
}
