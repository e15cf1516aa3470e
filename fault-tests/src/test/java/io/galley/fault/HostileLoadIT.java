package io.galley.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.testsupport.TestRepo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Issue 16's load test: 20 concurrent workers per public endpoint send its worst requests, all
 * endpoints at once, while an ordinary client times ordinary requests and each service's heap and
 * health are watched. Passes when no service exits, every heap stays below 80 % after collection,
 * health stays UP, the ordinary p99 stays under 2 s and every hostile request gets a bounded
 * answer. Starts its own stack as processes (like {@code infra/local/run}), or with {@code
 * -Dgalley.load.target=<ingest>,<render>,<export>} loads a stack already running on this machine.
 */
class HostileLoadIT {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void everyServiceKeepsItsHeapHealthAndLatencyUnderTwentyWorstRequestsPerEndpoint()
      throws Exception {
    String targets = System.getProperty("galley.load.target", "");
    LoadReport report = targets.isBlank() ? againstOwnStack() : againstRunning(targets);
    System.out.println("[load] " + report.summary().replace("\n", "\n[load] "));
    List<String> violations = report.violations();
    violations.forEach(v -> System.out.println("[load] VIOLATION " + v));
    assertThat(violations).isEmpty();
    assertThat(report.normalCount()).as("ordinary requests timed").isGreaterThan(50);
  }

  private LoadReport againstOwnStack() throws Exception {
    Path root = Path.of(System.getProperty("galley.root", "..")).toAbsolutePath().normalize();
    Path work =
        Path.of(System.getProperty("galley.load.work", "target/load-work")).toAbsolutePath();
    Path lib =
        MavenJars.broker(
            root,
            Path.of(System.getProperty("galley.fault.kafka-lib", "target/kafka-lib"))
                .toAbsolutePath());
    org.springframework.util.FileSystemUtils.deleteRecursively(work);
    TestRepo repo = TestRepo.init(work.resolve("content"));
    String first = HostileBook.first(repo);
    String secret = "load-" + Long.toHexString(System.nanoTime());
    ServiceJvms jvms =
        ServiceJvms.runnerLike().withArgs("ingest", "--galley.ingest.webhook-secret=" + secret);
    try (PipelineStack stack =
        new PipelineStack(root, lib, work, repo.dir(), HostileBook.FOLDER, jvms)) {
      GalleyState galley = new GalleyState(stack, HostileBook.ID);
      stack.broker().start();
      within("the broker to listen", Duration.ofSeconds(60), stack::brokerListening);
      stack.serviceNames().forEach(s -> stack.service(s).start());
      within(
          "the services to be healthy",
          Duration.ofSeconds(480),
          () -> stack.serviceNames().stream().allMatch(stack::healthy));
      // Each commit is waited for before the next: render and export build only the newest
      // pending commit of a book, so a second commit arriving early would supersede the first
      // one's editions, and the load needs both (the diff between them, the first one's site).
      String firstSite = stack.url("render", "/books/" + HostileBook.ID + "/@" + first + "/");
      String editionsUrl = stack.url("export", "/api/editions");
      String second;
      try {
        within(
            "the editions of the first commit",
            Duration.ofSeconds(360),
            () -> galley.hasAllFormats(first) && status(firstSite) == 200);
        second = HostileBook.second(repo);
        within(
            "the editions of the second commit",
            Duration.ofSeconds(360),
            () -> galley.hasAllFormats(second));
      } catch (ConditionTimeoutException e) {
        explain(editionsUrl, work.resolve("logs"));
        throw e;
      }
      DeadLetterSeed.seed("127.0.0.1:" + stack.kafkaPort, 24, 2 * 1024 * 1024);
      Map<String, String> urls = new LinkedHashMap<>();
      stack.serviceNames().forEach(s -> urls.put(s, stack.url(s, "")));
      LoadTarget target =
          new LoadTarget(
              urls,
              HostileBook.ID,
              first,
              second,
              HostileBook.LONG_DOC,
              downloadSizes(urls.get("export"), HostileBook.ID),
              secret);
      Map<String, BooleanSupplier> alive = new HashMap<>();
      stack.serviceNames().forEach(s -> alive.put(s, stack.service(s)::alive));
      LoadReport report =
          HostileLoadRun.run(target, alive, HostileLoadRun.Settings.fromSystemProperties());
      System.out.println("[load] logs in " + work.resolve("logs"));
      return report;
    }
  }

  /** A stack already running here, e.g. {@code infra/local/run}: its book's two newest commits. */
  private LoadReport againstRunning(String targets) throws Exception {
    Map<String, String> urls = LoadTarget.parseTargets(targets);
    String book = System.getProperty("galley.load.book", HostileBook.ID);
    List<String> commits = RunningStack.htmlCommitsNewestFirst(http, urls.get("export"), book);
    if (commits.isEmpty()) {
      throw new IllegalStateException("no HTML edition of book " + book + " at " + urls);
    }
    String to = commits.get(0);
    String from = commits.size() > 1 ? commits.get(1) : to;
    LoadTarget target =
        new LoadTarget(
            urls,
            book,
            from,
            to,
            System.getProperty("galley.load.doc", HostileBook.LONG_DOC),
            downloadSizes(urls.get("export"), book),
            null);
    return HostileLoadRun.run(target, Map.of(), HostileLoadRun.Settings.fromSystemProperties());
  }

  private Map<String, Long> downloadSizes(String export, String book) throws Exception {
    Map<String, Long> sizes = new HashMap<>();
    for (String ext : List.of("pdf", "epub")) {
      HttpResponse<Void> r =
          http.send(
              HttpRequest.newBuilder(URI.create(export + "/books/" + book + "/latest." + ext))
                  .method("HEAD", HttpRequest.BodyPublishers.noBody())
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      r.headers().firstValueAsLong("Content-Length").ifPresent(n -> sizes.put(ext, n));
    }
    return sizes;
  }

  /** What a failed wait needs to be understood from CI's output alone: editions and log errors. */
  private void explain(String editionsUrl, Path logs) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(editionsUrl))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      System.out.println("[load] /api/editions: " + r.body());
    } catch (Exception e) {
      System.out.println("[load] /api/editions unreadable: " + e);
    }
    try (var files = Files.list(logs)) {
      for (Path log : files.sorted().toList()) {
        List<String> lines = Files.readAllLines(log);
        lines.stream()
            .filter(l -> l.contains(" WARN ") || l.contains(" ERROR ") || l.startsWith("Caused by"))
            .skip(Math.max(0, lines.size() - 4000))
            .limit(40)
            .forEach(l -> System.out.println("[load] " + log.getFileName() + ": " + l));
      }
    } catch (Exception e) {
      System.out.println("[load] logs unreadable: " + e);
    }
  }

  private int status(String url) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static void within(String what, Duration max, Callable<Boolean> condition) {
    Awaitility.await(what)
        .atMost(max)
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(condition);
  }
}
