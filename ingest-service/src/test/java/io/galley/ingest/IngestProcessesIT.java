package io.galley.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.galley.testsupport.KafkaBroker;
import io.galley.testsupport.TestRepo;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two ingest instances as processes ({@code java -jar} of the exec jar) on a real broker and a real
 * repository: the active one is killed with SIGKILL and the standby publishes the next commit
 * within 15 s; the new active one is paused (SIGSTOP) until the restarted first one has taken over,
 * then resumed as a zombie: it is fenced and steps down. Every commit is published exactly once.
 */
class IngestProcessesIT {

  private static final Duration TAKEOVER_BOUND = Duration.ofSeconds(15);

  private final String bootstrap = KafkaBroker.selected().bootstrapServers();
  private final String group = "procs-" + Long.toHexString(System.nanoTime());
  private final String bookId = group + "-book";
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<Process> started = new ArrayList<>();
  private Path dir;
  private TestRepo repo;

  @AfterEach
  void killAll() throws Exception {
    for (Process p : started) {
      signal(p, "CONT");
      p.destroyForcibly().waitFor();
    }
  }

  @Test
  void aKilledActiveIsReplacedWithin15sAndAResumedZombieIsFenced() throws Exception {
    dir = Files.createTempDirectory("galley-ingest-procs");
    repo = TestRepo.init(dir.resolve("content"));
    List<String> made = new ArrayList<>(List.of(commit(0)));
    int[] ports = {freePort(), freePort()};
    Process[] instances = {start("p0", ports[0]), start("p1", ports[1])};
    await().atMost(Duration.ofSeconds(180)).until(() -> published().containsKey(made.get(0)));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> active(ports[0]) + active(ports[1]) == 1 && active(ports[0]) >= 0);
    int first = active(ports[0]) == 1 ? 0 : 1;
    int second = 1 - first;

    // a commit the active one may not have seen yet, or be publishing, when it dies (it polls
    // every 200 ms): either way it is published once
    made.add(commit(1));
    long killed = System.nanoTime();
    instances[first].destroyForcibly().waitFor();
    made.add(commit(2));
    await().atMost(TAKEOVER_BOUND).until(() -> published().keySet().containsAll(made));
    long killTakeover = (System.nanoTime() - killed) / 1_000_000;
    assertThat(active(ports[second])).isEqualTo(1);

    // the killed one comes back as the standby (the lease stays where it is)
    instances[first] = start("p" + first, ports[first]);
    await().atMost(Duration.ofSeconds(120)).until(() -> active(ports[first]) == 0);

    long paused = System.nanoTime();
    signal(instances[second], "STOP");
    made.add(commit(3)); // the paused one has not seen it: resumed, it will try to publish it
    await().atMost(TAKEOVER_BOUND).until(() -> published().containsKey(made.get(3)));
    long pauseTakeover = (System.nanoTime() - paused) / 1_000_000;
    assertThat(active(ports[first])).isEqualTo(1);
    signal(instances[second], "CONT");
    await().atMost(Duration.ofSeconds(60)).until(() -> active(ports[second]) == 0);
    made.add(commit(4));
    await().atMost(Duration.ofSeconds(30)).until(() -> published().containsKey(made.get(4)));

    System.out.printf(
        "ingest takeover: after SIGKILL %d ms, after SIGSTOP %d ms (signal to the next commit"
            + " published by the standby); the resumed zombie was fenced %s time(s)%n",
        killTakeover, pauseTakeover, metric(ports[second], "galley_ingest_fenced_total"));
    assertThat(published())
        .containsOnlyKeys(made)
        .allSatisfy((sha, count) -> assertThat(count).as(sha).isOne());
    assertThat(active(ports[first])).isEqualTo(1);
  }

  private Process start(String instance, int port) throws IOException {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                execJar().toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--galley.ingest.repository=" + repo.dir(),
                "--galley.ingest.state-dir=" + dir.resolve("state-" + instance),
                "--galley.ingest.instance=" + instance,
                "--galley.ingest.group=" + group,
                "--galley.ingest.poll-interval=200ms")
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(dir.resolve(instance + ".log").toFile()))
            .start();
    started.add(p);
    return p;
  }

  /** The service as it ships: the exec jar that {@code package} built before this test phase. */
  private static Path execJar() throws IOException {
    Path target = Path.of(System.getProperty("basedir", ".")).resolve("target");
    try (var files = Files.list(target)) {
      return files
          .filter(f -> f.getFileName().toString().matches("ingest-service-.*-exec\\.jar"))
          .findFirst()
          .orElseThrow(
              () -> new IllegalStateException("no exec jar in " + target + ": mvn verify"));
    }
  }

  private static void signal(Process p, String signal) throws Exception {
    if (p.isAlive()) {
      new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
    }
  }

  private String commit(int i) {
    return repo.write("book/book.yml", "id: " + bookId + "\ntitle: Processes\n")
        .write("book/intro.md", "# Intro\n\nEdit " + i + ".\n")
        .commit("edit " + i);
  }

  private Map<String, Long> published() {
    return TopicReader.ingestedCommits(bootstrap, bookId);
  }

  /** galley_ingest_active of the instance on {@code port}: 1, 0, or -1 when it does not answer. */
  private int active(int port) {
    return (int) metric(port, "galley_ingest_active");
  }

  private double metric(int port, String name) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.body()
          .lines()
          .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
          .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
          .findFirst()
          .orElse(-1);
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
