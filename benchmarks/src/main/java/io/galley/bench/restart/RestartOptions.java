package io.galley.bench.restart;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Command-line options of the restart benchmark.
 *
 * @param root the repository root
 * @param histories history lengths in commits, increasing (each run appends to the previous one)
 * @param books books the commits are spread over
 * @param chapters chapters per book
 * @param partitions partitions of every topic but the dead letters
 * @param timeout how long one service may take to serve the newest commits
 * @param budget the whole run's bound
 */
record RestartOptions(
    Path root,
    List<Integer> histories,
    int books,
    int chapters,
    int partitions,
    Duration timeout,
    Duration budget) {

  static final String USAGE =
      """
      bench/restart [options]
        --histories 100,10000   commits of history; each run appends to the topics of the last
        --books 4               books the commits are spread over (round robin)
        --chapters 10           chapters per book (a few KB of Markdown each)
        --partitions 3          partitions of every topic (as the services' default)
        --timeout 600           seconds one service may take to serve the newest commits
        --minutes 90            bound on the whole run
        --root <dir>            the repository (default: the current folder)
      """;

  RestartOptions {
    histories = List.copyOf(histories);
    for (int i = 0; i < histories.size(); i++) {
      if (histories.get(i) < books || (i > 0 && histories.get(i) <= histories.get(i - 1))) {
        throw new IllegalArgumentException(
            "--histories must increase and each be at least --books (" + books + "): " + histories);
      }
    }
    if (books < 1 || chapters < 1 || partitions < 1) {
      throw new IllegalArgumentException("--books, --chapters and --partitions must be >= 1");
    }
  }

  /** The options given; unknown ones are an error. */
  static RestartOptions parse(String... args) {
    Path root = Path.of("").toAbsolutePath();
    List<Integer> histories = List.of(100, 10_000);
    int books = 4;
    int chapters = 10;
    int partitions = 3;
    long timeout = 600;
    long minutes = 90;
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
      }
      String value = args[++i];
      switch (name) {
        case "--histories" -> histories = ints(value);
        case "--books" -> books = Integer.parseInt(value);
        case "--chapters" -> chapters = Integer.parseInt(value);
        case "--partitions" -> partitions = Integer.parseInt(value);
        case "--timeout" -> timeout = Long.parseLong(value);
        case "--minutes" -> minutes = Long.parseLong(value);
        case "--root" -> root = Path.of(value).toAbsolutePath();
        default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
      }
    }
    return new RestartOptions(
        root,
        histories,
        books,
        chapters,
        partitions,
        Duration.ofSeconds(timeout),
        Duration.ofMinutes(minutes));
  }

  private static List<Integer> ints(String csv) {
    List<Integer> values = new ArrayList<>();
    Arrays.stream(csv.split(",")).map(String::strip).map(Integer::parseInt).forEach(values::add);
    return values;
  }

  /** The harness's folder: {@code benchmarks/target/restart}. */
  Path work() {
    return root.resolve("benchmarks").resolve("target").resolve("restart");
  }

  /** Where result tables go: {@code benchmarks/target/bench-results}. */
  Path results() {
    return root.resolve("benchmarks").resolve("target").resolve("bench-results");
  }
}
