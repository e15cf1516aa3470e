package io.galley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The benchmark harness: each book size against a local stack, then a markdown table. */
public final class Benchmark {

  private Benchmark() {}

  public static void main(String[] args) throws Exception {
    if (java.util.Arrays.asList(args).contains("--help")) {
      System.out.print(BenchOptions.USAGE);
      return;
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    String machine = machine(options.root());
    System.out.println(machine);
    List<SizeResult> results = new ArrayList<>();
    int failures = 0;
    ColdStart.Result cold = null;
    if (options.coldStart() || options.idleHeap()) {
      // first, while nothing else of the harness has run: a cold start is cold
      try {
        cold = new ColdStart(options).run();
      } catch (Exception | AssertionError e) {
        failures++;
        SizeBenchmark.log("cold start FAILED: %s", e);
      }
      write(options, machine, results, cold);
    }
    for (int size : options.sizes()) {
      if (options.deadlinePassed()) {
        SizeBenchmark.log("time budget spent: skipping %d chapters", size);
        continue;
      }
      try {
        results.add(new SizeBenchmark(options).run(size));
      } catch (Exception | AssertionError e) {
        failures++;
        SizeBenchmark.log("%d chapters FAILED: %s", size, e);
        SizeResult failed = new SizeResult(size);
        failed.notes.add("failed: " + e.getMessage());
        results.add(failed);
      }
      write(options, machine, results, cold);
    }
    String md = write(options, machine, results, cold);
    System.out.println();
    System.out.println(md);
    // last on the screen: what holds
    System.out.println("## Summary: issue 19 targets\n");
    System.out.println(Summary.table(results, cold, options));
    System.exit(failures == 0 ? 0 : 1);
  }

  private static String write(
      BenchOptions options, String machine, List<SizeResult> results, ColdStart.Result cold)
      throws IOException {
    String md = Report.markdown(machine, options, results, cold);
    Files.createDirectories(options.results());
    Files.writeString(options.results().resolve("latest.md"), md);
    Files.writeString(
        options
            .results()
            .resolve(
                "results-"
                    + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                        .withZone(ZoneOffset.UTC)
                        .format(Instant.now())
                    + ".md"),
        md);
    return md;
  }

  static String machine(Path root) {
    String os =
        firstMatch(Path.of("/etc/os-release"), "PRETTY_NAME=")
            .replace("PRETTY_NAME=", "")
            .replace("\"", "");
    String mem = firstMatch(Path.of("/proc/meminfo"), "MemTotal:").replaceAll("[^0-9]", "");
    String cpu =
        firstMatch(Path.of("/proc/cpuinfo"), "model name").replaceFirst("model name\\s*:\\s*", "");
    String commit = command(root, "git", "rev-parse", "--short", "HEAD");
    String dirty =
        command(root, "git", "status", "--porcelain", "--untracked-files=no").isBlank()
            ? ""
            : " (with uncommitted changes)";
    return "Run "
        + DateTimeFormatter.ISO_INSTANT.format(
            Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
        + " on "
        + Runtime.getRuntime().availableProcessors()
        + " CPUs ("
        + cpu
        + "), "
        + (mem.isEmpty() ? "?" : Long.parseLong(mem) / 1024 / 1024 + " GiB")
        + " RAM, "
        + os
        + ", Java "
        + System.getProperty("java.runtime.version")
        + " ("
        + System.getProperty("java.vm.name")
        + "); Galley "
        + commit
        + dirty
        + "; "
        + PandocRun.version().orElse("pandoc not installed")
        + ".\n";
  }

  private static String firstMatch(Path file, String prefix) {
    try {
      return Files.readAllLines(file).stream()
          .filter(l -> l.startsWith(prefix))
          .findFirst()
          .orElse("");
    } catch (IOException e) {
      return "";
    }
  }

  private static String command(Path dir, String... command) {
    try {
      Process p =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      p.waitFor(20, TimeUnit.SECONDS);
      return out;
    } catch (IOException e) {
      return "?";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }
}
