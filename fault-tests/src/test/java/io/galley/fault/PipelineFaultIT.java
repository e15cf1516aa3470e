package io.galley.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.testsupport.TestImages;
import io.galley.testsupport.TestRepo;
import java.awt.Color;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Galley under faults, as processes: a stream of commits while the services are SIGKILLed and
 * restarted at seeded-random points and the broker is restarted once, with downloads polled all
 * along. Then the invariants: the latest edition of each format is the last commit's, every commit
 * is in the commit log, no (commit, format) was published with two different files, and every
 * download was a complete, valid file. Bounded to {@link #BUDGET}; targets 127.0.0.1 only.
 */
class PipelineFaultIT {

  static final Duration BUDGET = Duration.ofMinutes(6);
  static final int COMMITS = 32;
  static final String BOOK = "fault-book";

  private final long started = System.nanoTime();
  private final List<String> log = new ArrayList<>();
  private int kills;
  private int restarts;

  @Test
  void keepsItsInvariantsUnderKillsAndABrokerRestart() throws Exception {
    long seed = Long.getLong("galley.fault.seed", 8L);
    Random random = new Random(seed);
    Path root = Path.of(System.getProperty("galley.root", "..")).toAbsolutePath().normalize();
    Path work =
        Path.of(System.getProperty("galley.fault.work", "target/fault-work")).toAbsolutePath();
    Path lib =
        MavenJars.broker(
            root,
            Path.of(System.getProperty("galley.fault.kafka-lib", "target/kafka-lib"))
                .toAbsolutePath());
    org.springframework.util.FileSystemUtils.deleteRecursively(work);
    TestRepo repo = TestRepo.init(work.resolve("content"));
    List<String> commits = new ArrayList<>();
    commits.add(firstCommit(repo));

    try (PipelineStack stack = new PipelineStack(root, lib, work, repo.dir(), "book")) {
      GalleyState galley = new GalleyState(stack, BOOK);
      stack.broker().start();
      within("the broker to listen", Duration.ofSeconds(60), stack::brokerListening);
      stack.serviceNames().forEach(s -> stack.service(s).start());
      within(
          "the services to be healthy",
          Duration.ofSeconds(150),
          () -> stack.serviceNames().stream().allMatch(stack::healthy));
      within(
          "the first editions",
          Duration.ofSeconds(120),
          () -> galley.hasAllFormats(commits.get(0)));

      try (DownloadProbe probe = new DownloadProbe(stack.url("export", ""), BOOK).start()) {
        for (int i = 1; i <= COMMITS; i++) {
          commits.add(commit(repo, i));
          pace(random, 400, 1600);
          if (i == COMMITS / 2) {
            note("broker restart after commit " + i);
            stack.broker().terminate();
            stack.broker().start();
            restarts++;
            within("the broker to listen again", Duration.ofSeconds(60), stack::brokerListening);
          } else if (i < COMMITS - 3 && random.nextDouble() < 0.45) {
            String name = stack.serviceNames().get(random.nextInt(3));
            note("SIGKILL " + name + " after commit " + i);
            stack.service(name).kill();
            kills++;
            pace(random, 100, 2500);
            stack.service(name).start();
            restarts++;
          }
        }
        String last = commits.get(commits.size() - 1);
        within(
            "the services to be healthy at the end",
            Duration.ofSeconds(150),
            () -> stack.serviceNames().stream().allMatch(stack::healthy));
        within("the last commit's editions", remaining(), () -> galley.hasAllFormats(last));
        probe.close();
        checkInvariants(galley, probe, commits);
      }
    }
  }

  private void checkInvariants(GalleyState galley, DownloadProbe probe, List<String> commits)
      throws Exception {
    String last = commits.get(commits.size() - 1);
    List<String> violations = new ArrayList<>(probe.violations);
    Map<String, String> latest = galley.latestCommitByFormat();
    for (String format : List.of("HTML", "PDF", "EPUB")) {
      if (!last.equals(latest.get(format))) {
        violations.add(
            "latest "
                + format
                + " edition is of "
                + latest.get(format)
                + ", not the last commit "
                + last);
      }
    }
    Set<String> logged = galley.ingestedCommits();
    commits.stream()
        .filter(c -> !logged.contains(c))
        .forEach(c -> violations.add("commit " + c + " is missing from the commit log"));
    Map<String, Set<String>> published = galley.publishedFilesByCommitAndFormat();
    published.forEach(
        (key, shas) -> {
          if (shas.size() > 1) {
            violations.add(
                key + " was published with " + shas.size() + " different files: " + shas);
          }
        });
    for (String ext : List.of("pdf", "epub")) {
      Set<String> known = galley.publishedShas(ext.toUpperCase(java.util.Locale.ROOT));
      probe.served.getOrDefault(ext, Set.of()).stream()
          .filter(sha -> !known.contains(sha))
          .forEach(
              sha ->
                  violations.add("latest." + ext + " served " + sha + ", which no edition lists"));
      String now = probe.check(ext);
      String expected = galley.latestSha(ext.toUpperCase(java.util.Locale.ROOT));
      if (now == null || !now.equals(expected)) {
        violations.add(
            "latest." + ext + " serves " + now + ", the last commit's edition is " + expected);
      }
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    System.out.println("[fault] " + String.join("\n[fault] ", log));
    System.out.printf(
        "[fault] commits=%d kills=%d restarts=%d (broker 1) downloads-valid=%d "
            + "downloads-unavailable=%d editions-published=%d violations=%d duration=%ds%n",
        commits.size(),
        kills,
        restarts,
        probe.valid.get(),
        probe.unavailable.get(),
        published.size(),
        violations.size(),
        took.toSeconds());
    violations.forEach(v -> System.out.println("[fault] VIOLATION " + v));
    assertThat(kills).as("services killed").isGreaterThanOrEqualTo(3);
    assertThat(probe.valid.get()).as("valid downloads while faults happened").isGreaterThan(10);
    assertThat(violations).isEmpty();
  }

  private static String firstCommit(TestRepo repo) {
    repo.write(
            "book/book.yml",
            "id: " + BOOK + "\ntitle: Fault Book\nauthors:\n  - Ada\nlanguage: en\n")
        .write("book/images/dot.png", TestImages.png(40, 40, Color.RED));
    for (int c = 1; c <= 3; c++) {
      repo.write(
          chapter(c),
          "# Chapter "
              + c
              + "\n\nRevision 0 of chapter "
              + c
              + ".\n\n"
              + (c == 1
                  ? "![a red dot](images/dot.png)\n\nSee [the next chapter](02-chapter.md).\n"
                  : ""));
    }
    return repo.commit("Revision 0");
  }

  private static String commit(TestRepo repo, int i) {
    int c = 1 + i % 3;
    StringBuilder text =
        new StringBuilder("# Chapter " + c + "\n\nRevision " + i + " of chapter " + c + ".\n\n");
    for (int p = 0; p < 1 + i % 5; p++) {
      text.append("Paragraph ")
          .append(p)
          .append(" of revision ")
          .append(i)
          .append(", with *emphasis*.\n\n");
    }
    if (c == 1) {
      text.append("![a red dot](images/dot.png)\n");
    }
    return repo.write(chapter(c), text.toString()).commit("Revision " + i);
  }

  private static String chapter(int c) {
    return String.format("book/%02d-chapter.md", c);
  }

  private void note(String event) {
    log.add(String.format("%6.1fs %s", (System.nanoTime() - started) / 1e9, event));
  }

  private Duration remaining() {
    return BUDGET.minusNanos(System.nanoTime() - started);
  }

  /** Waits for a condition, bounded by {@code max} and by what is left of the budget. */
  private void within(String what, Duration max, Callable<Boolean> condition) {
    Duration bound = max.compareTo(remaining()) < 0 ? max : remaining();
    try {
      org.awaitility.Awaitility.await(what)
          .atMost(bound.isNegative() ? Duration.ZERO : bound)
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .until(condition);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      System.out.println("[fault] " + String.join("\n[fault] ", log));
      throw new AssertionError(
          "timed out waiting for "
              + what
              + " after "
              + Duration.ofNanos(System.nanoTime() - started).toSeconds()
              + "s; logs in target/fault-work/logs",
          e);
    }
    note(what);
  }

  /** A seeded-random pause: the points in time where faults strike, not a wait for a condition. */
  private static void pace(Random random, int minMillis, int maxMillis)
      throws InterruptedException {
    Thread.sleep(minMillis + random.nextInt(maxMillis - minMillis));
  }
}
