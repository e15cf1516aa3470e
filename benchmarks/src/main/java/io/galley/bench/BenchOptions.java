package io.galley.bench;

import io.galley.bench.SizeResult.Format;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Command-line options of the harness, with the defaults {@code bench/run} documents. */
record BenchOptions(
    Path root,
    Path work,
    Path results,
    List<Integer> sizes,
    int edits,
    int pollingEdits,
    long seed,
    Set<Format> editFormats,
    Duration startTimeout,
    Duration buildTimeout,
    Duration editTimeout,
    int pandocMaxChapters,
    boolean profile,
    int profileMaxChapters,
    int fullEditsMaxChapters,
    int warmUpBookChapters,
    boolean coldStart,
    boolean idleHeap,
    int pdfEdits,
    long deadlineNanos) {

  static final String USAGE =
      """
      bench/run [options]
        --sizes 27,270,1000     book sizes in chapters ("none": only the cold-start phases)
        --cold-start on         first, time a fresh-state start of the sample guide (on|off)
        --idle-heap on          then each service's heap at rest after a full GC (on|off)
        --pdf-edits 0           books above --full-edits-max: this many more edits that wait for
                                HTML, EPUB and PDF (slow at 1000 chapters; e.g. 3)
        --edits 20              single-chapter edits per size, each pushed with the webhook
        --polling-edits 5       further edits with no webhook: ingest sees them by watching the
                                content repository's refs (its 1 s polling is the fallback)
        --edit-formats HTML,EPUB,PDF   formats each edit waits for (books up to --full-edits-max)
        --full-edits-max 27     larger books: edits wait for HTML only (export rebuilds whole books)
        --warm-up-book 27       before the full build, publish this many chapters of a book with
                                other text (seed + 1), so the services' JIT has seen the work as in
                                a stack that has been running; 0 = only the 3-chapter warm-up
        --seed 2026             generator seed
        --build-timeout 1800    seconds a full build may take
        --edit-timeout 120      seconds one edit may take to reach every format
        --pandoc-max 1000       largest size pandoc is run on
        --profile               JFR-record the services during an extra full rebuild
        --profile-max 270       largest size profiled
        --minutes 240           overall time budget: later phases are skipped once it is spent
        --work DIR              where books, stack state and pandoc output go
        --results DIR           where the markdown results are written
      """;

  static BenchOptions parse(String[] args) {
    Path root = Path.of(".").toAbsolutePath().normalize();
    Path work = null;
    Path results = null;
    List<Integer> sizes = List.of(27, 270, 1000);
    int edits = 20;
    int polling = 5;
    long seed = 2026;
    Set<Format> formats = EnumSet.allOf(Format.class);
    long buildTimeout = 1800;
    long editTimeout = 120;
    int pandocMax = 1000;
    boolean profile = false;
    int profileMax = 270;
    int fullEditsMax = 27;
    int warmUpBook = 27;
    long minutes = 240;
    boolean coldStart = true;
    boolean idleHeap = true;
    int pdfEdits = 0;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--profile")) {
        profile = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + a + "\n" + USAGE);
      }
      String v = args[++i];
      switch (a) {
        case "--root" -> root = Path.of(v).toAbsolutePath().normalize();
        case "--work" -> work = Path.of(v).toAbsolutePath().normalize();
        case "--results" -> results = Path.of(v).toAbsolutePath().normalize();
        case "--sizes" ->
            sizes =
                v.equals("none")
                    ? List.of()
                    : Arrays.stream(v.split(",")).map(String::trim).map(Integer::valueOf).toList();
        case "--cold-start" -> coldStart = onOff(a, v);
        case "--idle-heap" -> idleHeap = onOff(a, v);
        case "--pdf-edits" -> pdfEdits = Integer.parseInt(v);
        case "--edits" -> edits = Integer.parseInt(v);
        case "--polling-edits" -> polling = Integer.parseInt(v);
        case "--seed" -> seed = Long.parseLong(v);
        case "--edit-formats" -> {
          List<Format> list = new ArrayList<>();
          for (String f : v.split(",")) {
            list.add(Format.valueOf(f.trim().toUpperCase(java.util.Locale.ROOT)));
          }
          formats = EnumSet.copyOf(list);
        }
        case "--build-timeout" -> buildTimeout = Long.parseLong(v);
        case "--edit-timeout" -> editTimeout = Long.parseLong(v);
        case "--pandoc-max" -> pandocMax = Integer.parseInt(v);
        case "--profile-max" -> profileMax = Integer.parseInt(v);
        case "--full-edits-max" -> fullEditsMax = Integer.parseInt(v);
        case "--warm-up-book" -> warmUpBook = Integer.parseInt(v);
        case "--minutes" -> minutes = Long.parseLong(v);
        default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
      }
    }
    if (work == null) {
      work = root.resolve("benchmarks/target/bench-work");
    }
    if (results == null) {
      results = root.resolve("benchmarks/target/bench-results");
    }
    return new BenchOptions(
        root,
        work,
        results,
        sizes,
        edits,
        polling,
        seed,
        formats,
        Duration.ofSeconds(600),
        Duration.ofSeconds(buildTimeout),
        Duration.ofSeconds(editTimeout),
        pandocMax,
        profile,
        profileMax,
        fullEditsMax,
        warmUpBook,
        coldStart,
        idleHeap,
        pdfEdits,
        System.nanoTime() + Duration.ofMinutes(minutes).toNanos());
  }

  private static boolean onOff(String option, String value) {
    return switch (value) {
      case "on" -> true;
      case "off" -> false;
      default -> throw new IllegalArgumentException(option + " takes on or off, not " + value);
    };
  }

  /** Nanos left in the overall budget (never negative). */
  long nanosLeft() {
    return Math.max(0, deadlineNanos - System.nanoTime());
  }

  boolean deadlinePassed() {
    return System.nanoTime() > deadlineNanos;
  }
}
