package io.galley.bench.restart;

import io.galley.bench.BenchFiles;
import io.galley.blob.DirectoryBlobStore;
import io.galley.export.ExportProperties;
import io.galley.render.markdown.MarkdownConverter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The restart benchmark (issue 14, item 5): a real broker whose topics hold a history of commits,
 * every one already published, then render and export started from scratch, one at a time, timed to
 * readiness and to serving every book's newest commit, with their heap after a full GC; for each
 * history length given, each a longer continuation of the last. Run by {@code bench/restart}.
 */
public final class RestartBenchmark {

  private final RestartOptions options;
  private final long deadline;
  private final List<String> lines = new ArrayList<>();
  private final String stamp =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());

  private RestartBenchmark(RestartOptions options) {
    this.options = options;
    this.deadline = System.nanoTime() + options.budget().toNanos();
  }

  /** Runs the benchmark; exits 0 when every service served its newest commits in time. */
  public static void main(String[] args) throws Exception {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.print(RestartOptions.USAGE);
      return;
    }
    RestartOptions options;
    try {
      options = RestartOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    List<RestartResult> results = new RestartBenchmark(options).run();
    boolean allServed = results.stream().allMatch(r -> r.servingSeconds().isPresent());
    System.exit(allServed ? 0 : 1);
  }

  private List<RestartResult> run() throws Exception {
    Path work = options.work();
    BenchFiles.deleteTree(work);
    Path jars = Files.createDirectories(work.resolve("jars"));
    Path results = Files.createDirectories(options.results());
    Path report = results.resolve("restart-" + stamp + ".md");
    List<RestartResult> measured = new ArrayList<>();
    long started = System.nanoTime();
    say("options: " + options);
    RestartBroker broker = new RestartBroker(options.partitions()); // stops with the JVM
    try (DirectoryBlobStore blobs = new DirectoryBlobStore(work.resolve("blobs"));
        HistoryWriter writer =
            new HistoryWriter(
                broker.bootstrapServers(),
                new PublishedEditions(
                    blobs, MarkdownConverter.RENDERER_VERSION, ExportProperties.EXPORTER_VERSION),
                options.partitions());
        RestartRun restart =
            new RestartRun(
                broker.bootstrapServers(),
                blobs.root(),
                options,
                work,
                results.resolve(stamp),
                this::say,
                deadline)) {
      say("broker at " + broker.bootstrapServers() + ", blob store at " + blobs.root());
      HistoryGenerator history =
          new HistoryGenerator(
              options.books(), options.chapters(), MarkdownConverter.RENDERER_VERSION);
      for (int commits : options.histories()) {
        long t = System.nanoTime();
        int before = history.nextIndex();
        writer.writeUntil(history, commits);
        say(
            String.format(
                Locale.ROOT,
                "history: %d commits on the topics (%d written in %.1f s)",
                commits,
                commits - before,
                (System.nanoTime() - t) / 1e9));
        long[] bytes = broker.awaitCompacted(java.time.Duration.ofMinutes(3));
        say(
            String.format(
                Locale.ROOT,
                "compacted topics on disk: %.1f MB as the writing ended, %.1f MB"
                    + " once the log cleaner settled",
                bytes[0] / 1e6,
                bytes[1] / 1e6));
        for (String service : List.of("render", "export")) {
          Path jar = copyExecJar(jars, service + "-service");
          measured.add(restart.measure(service, jar, commits, history.newestCommits()));
          write(report, measured, started);
        }
      }
    } finally {
      write(report, measured, started);
    }
    System.out.println();
    System.out.print(RestartResult.table(measured));
    System.out.println();
    RestartVerdict.of(measured).forEach(this::say);
    say("results: " + report);
    return measured;
  }

  private void say(String line) {
    System.out.println("[restart] " + line);
    synchronized (lines) {
      lines.add(line);
    }
  }

  private void write(Path report, List<RestartResult> measured, long started) throws IOException {
    String md =
        "# Restart with history\n\n"
            + String.format(
                Locale.ROOT,
                "Written %s, %.1f minutes into the run (build not counted); %d books of %d"
                    + " chapters, %d partitions; render -Xmx768m, export -Xmx1g at nice 10 (as"
                    + " infra/local/run); heap: jcmd GC.run then GC.heap_info; class histograms in"
                    + " %s/.%n%n",
                Instant.now(),
                (System.nanoTime() - started) / 60e9,
                options.books(),
                options.chapters(),
                options.partitions(),
                stamp)
            + RestartResult.table(measured)
            + "\nBounds (issue 14, item 5):\n\n"
            + RestartVerdict.of(measured).stream()
                .map(l -> "- " + l + "\n")
                .reduce("", String::concat)
            + "\nLog:\n\n```\n"
            + String.join("\n", List.copyOf(lines))
            + "\n```\n";
    Files.writeString(report, md);
  }

  /** A copy, so a build that repackages the jar while this runs cannot change it mid-run. */
  private Path copyExecJar(Path jars, String module) throws IOException {
    Path target = jars.resolve(module + ".jar");
    if (Files.exists(target)) {
      return target;
    }
    try (Stream<Path> found = Files.list(options.root().resolve(module).resolve("target"))) {
      Path jar =
          found
              .filter(p -> p.getFileName().toString().endsWith("-exec.jar"))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no exec jar in " + module + "/target"));
      return Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
