package io.galley.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.EventJson;
import io.galley.testsupport.TestRepo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * The real {@code infra/local/run} under SIGKILLs: each service and the broker, killed once, is
 * restarted by the runner and the next commit is published in all three formats; a service killed
 * five times within a minute is given up on while the others keep serving; SIGTERM then ends every
 * process the runner started. Every wait is bounded; a failure kills the runner's process group.
 */
class RunnerSupervisionIT {

  static final String BOOK = "runner-book";
  static final Duration STEP = Duration.ofMinutes(4);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private LocalRunner runner;

  @Test
  @Timeout(value = 30, unit = TimeUnit.MINUTES)
  void restartsKilledProcessesGivesUpOnOneThatKeepsDyingAndStopsEverythingItStarted()
      throws Exception {
    Path root = Path.of(System.getProperty("galley.root", "..")).toAbsolutePath().normalize();
    Path target = Path.of("target").toAbsolutePath();
    Path lib =
        MavenJars.broker(
            root,
            Path.of(System.getProperty("galley.fault.kafka-lib", "target/kafka-lib"))
                .toAbsolutePath());
    Path work = Files.createTempDirectory(Files.createDirectories(target), "runner-");
    TestRepo repo = TestRepo.init(work.resolve("content"));
    String first = commit(repo, 0);

    try (LocalRunner started = LocalRunner.start(root, work, lib, repo.dir(), "book")) {
      runner = started;
      within(
          "the runner to print the first editions",
          Duration.ofMinutes(8),
          () -> runner.output().contains("[galley] book '" + BOOK + "' is published:"));
      assertThat(editionFormats(first)).containsExactlyInAnyOrder("HTML", "PDF", "EPUB");

      int revision = 1;
      for (String name : List.of("ingest", "render", "export", "kafka")) {
        long killed = killNow(name);
        String label = name.equals("kafka") ? "Kafka" : name + "-service";
        Path log = runner.state.resolve("logs/" + name + ".log");
        within(
            name + " to be restarted and up",
            STEP,
            () -> restartedSince(name, killed) && runner.up(name));
        assertThat(runner.output())
            .contains(
                "run: " + label + " exited unexpectedly (exit 137, SIGKILL), see " + log + ";")
            .contains("[galley] restarted " + label + " (pid " + pidOf(name) + ")");
        assertThat(Files.readString(log)).contains(label + " restarted after exit 137, SIGKILL");
        String commit = commit(repo, revision++);
        within(
            "the editions of the commit after killing " + name,
            STEP,
            () -> editionFormats(commit).containsAll(List.of("HTML", "PDF", "EPUB")));
      }

      long ingest = pidOf("ingest");
      long export = pidOf("export");
      String giveUp = "run: giving up on render-service: it failed 5 times within 60s";
      for (int kill = 1; kill <= 5 && !runner.output().contains(giveUp); kill++) {
        long pid = killNow("render");
        within(
            "render to be restarted or given up on",
            Duration.ofSeconds(30),
            () -> restartedSince("render", pid) || runner.output().contains(giveUp));
      }
      within("the runner to give up on render", STEP, () -> runner.output().contains(giveUp));
      within(
          "the runner to say the others keep serving",
          Duration.ofSeconds(10),
          () -> runner.output().contains("render-service is not running any more; the others"));
      assertThat(runner.output()).contains(giveUp + " (last: exit 137, SIGKILL)");
      assertThat(runner.pid("render")).isEmpty();
      assertThat(runner.alive()).isTrue();
      assertThat(runner.up("ingest") && runner.up("export") && runner.up("kafka")).isTrue();
      assertThat(List.of(pidOf("ingest"), pidOf("export"))).containsExactly(ingest, export);
      assertThat(editionFormats(first)).contains("PDF");

      List<ProcessHandle> tree = runner.tree();
      assertThat(tree).hasSizeGreaterThanOrEqualTo(1 + 3 + 3); // runner, 3 supervisors, 3 JVMs
      assertThat(runner.terminate(Duration.ofSeconds(90))).isEqualTo(143);
      within(
          "every process the runner started to be gone",
          Duration.ofSeconds(30),
          () -> tree.stream().noneMatch(ProcessHandle::isAlive));
      assertThat(runner.processesUsingState()).isEmpty();
      assertThat(runner.output()).contains("[galley] stopped");
      assertThat(runner.state.resolve("run")).isEmptyDirectory();
    }
  }

  /** SIGKILLs the process in {@code <state>/run/<name>.pid}; returns its pid. */
  private long killNow(String name) {
    long pid = pidOf(name);
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    return pid;
  }

  private long pidOf(String name) {
    OptionalLong pid = runner.pid(name);
    assertThat(pid).as("the pid file of " + name).isPresent();
    return pid.getAsLong();
  }

  private boolean restartedSince(String name, long killed) {
    OptionalLong now = runner.pid(name);
    return now.isPresent() && now.getAsLong() != killed;
  }

  /** The formats {@code GET /api/editions} lists for a commit of the book. */
  private Set<String> editionFormats(String commit) throws Exception {
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(URI.create(runner.url("export", "/api/editions")))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    Set<String> formats = new HashSet<>();
    if (r.statusCode() == 200) {
      for (JsonNode e : EventJson.mapper().readTree(r.body())) {
        if (BOOK.equals(e.get("bookId").asString()) && commit.equals(e.get("commit").asString())) {
          formats.add(e.get("format").asString());
        }
      }
    }
    return formats;
  }

  /** A tiny book (two short chapters: export's PDF is the slow part); revision 0 adds book.yml. */
  private static String commit(TestRepo repo, int revision) {
    if (revision == 0) {
      repo.write(
          "book/book.yml",
          "id: " + BOOK + "\ntitle: Runner Book\nauthors:\n  - Ada\nlanguage: en\n");
      repo.write("book/02-chapter.md", "# Chapter 2\n\nThe second chapter.\n");
    }
    repo.write(
        "book/01-chapter.md", "# Chapter 1\n\nRevision " + revision + " of the first chapter.\n");
    return repo.commit("Revision " + revision);
  }

  private void within(String what, Duration max, Callable<Boolean> condition) {
    try {
      Awaitility.await(what)
          .atMost(max)
          .pollInterval(Duration.ofMillis(200))
          .ignoreExceptions()
          .until(condition);
    } catch (ConditionTimeoutException e) {
      String out = runner.output();
      throw new AssertionError(
          "timed out waiting for "
              + what
              + "; the runner said:\n"
              + out.substring(Math.max(0, out.length() - 4000))
              + "\nlogs in "
              + runner.state.resolve("logs"),
          e);
    }
  }
}
