package io.galley.e2e.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.github.dockerjava.api.command.InspectContainerResponse;
import io.galley.testsupport.TestRepo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testcontainers.junit.jupiter.Testcontainers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code infra/docker-compose.cluster.yml}, really: three brokers, the object store, ingest, three
 * render and three export instances behind the proxy, on one free host port. In order: everything
 * healthy, the brokers replicate every topic three times, the proxy spreads each service's routes
 * over all of its instances, the sample guide's editions and an edit's appear through the one URL,
 * and every instance serves the downloads and the site (read from the object store, where the
 * editions are). Needs a Docker engine and compose; skipped cleanly where there is none.
 */
@Testcontainers(disabledWithoutDocker = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterComposeContainerIT {

  static final Path FILE = ComposeFileTest.ROOT.resolve("infra/docker-compose.cluster.yml");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final List<String> FORMATS = List.of("HTML", "PDF", "EPUB");

  /** Enough requests that a spread over three instances misses one with odds of about 1e-5. */
  private static final int REQUESTS = 30;

  static ComposeProject stack;
  static TestRepo repo;
  static int port;
  static String head;
  static long upStartedNanos;

  @BeforeAll
  static void up() throws IOException {
    List<String> compose = ComposeProject.composeCommand();
    assumeFalse(compose.isEmpty(), "no docker compose (v2) or docker-compose (v1) here");
    repo = ComposeContent.create("cluster-content-");
    Path content = repo.dir();
    commit("The sample guide");
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String name =
        System.getProperty("galley.it.compose-prefix", "galleycluster")
            + ProcessHandle.current().pid();
    stack =
        ComposeProject.of(
            compose,
            FILE,
            name,
            Map.of(
                "GALLEY_CONTENT_DIR", content.toString(),
                "GALLEY_PORT", Integer.toString(port),
                "GALLEY_PUBLIC_URL", "http://127.0.0.1:" + port),
            content.getParent().resolve("compose-" + name + ".log"));
    stack.run(30, "build");
    upStartedNanos = System.nanoTime();
    // compose v1 returns once the proxy started, i.e. after ingest, render and export are healthy
    stack.run(15, "up", "-d", "--scale", "render=3", "--scale", "export=3");
  }

  @AfterAll
  static void down() {
    if (stack != null) {
      stack.close();
      assertThat(stack.containers()).as("containers left after down").isEmpty();
      assertThat(stack.volumes()).as("volumes left after down -v").isEmpty();
    }
    if (repo != null) {
      repo.close();
    }
  }

  @Test
  @Order(1)
  void everyInstanceIsHealthyAndTheInitJobsSucceeded() {
    await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              Map<String, Integer> scale =
                  Map.of(
                      "kafka-1", 1, "kafka-2", 1, "kafka-3", 1, "ingest", 1, "render", 3, "export",
                      3, "proxy", 1);
              scale.forEach(
                  (service, n) -> {
                    List<InspectContainerResponse> instances = stack.instances(service);
                    assertThat(instances).as(service).hasSize(n);
                    instances.forEach(
                        c ->
                            assertThat(c.getState().getHealth().getStatus())
                                .as(c.getName())
                                .isEqualTo("healthy"));
                  });
            });
    System.out.printf(
        "[cluster] healthy %d s after up; memory of the stack: %d MiB%n",
        Duration.ofNanos(System.nanoTime() - upStartedNanos).toSeconds(),
        stack.containers().stream()
                .filter(c -> "running".equals(c.getState()))
                .mapToLong(c -> ComposeProject.memoryBytes(c.getId()))
                .sum()
            >> 20);
    for (String job : List.of("kafka-init", "bucket-init")) {
      InspectContainerResponse c = stack.inspect(job);
      assertThat(c.getState().getExitCodeLong()).as(job + " exit code").isZero();
    }
  }

  @Test
  @Order(2)
  void theBrokersReplicateEveryTopicThreeTimes() {
    String describe =
        ComposeProject.exec(
            stack.inspect("kafka-1").getId(),
            "/opt/kafka/bin/kafka-topics.sh",
            "--bootstrap-server",
            "kafka-1:9092",
            "--describe");
    List<String> topics = describe.lines().filter(l -> l.startsWith("Topic: guide.")).toList();
    assertThat(topics).hasSizeGreaterThanOrEqualTo(5);
    assertThat(topics)
        .allSatisfy(
            l -> assertThat(l).contains("ReplicationFactor: 3").contains("min.insync.replicas=2"));
    List<String> partitions =
        describe.lines().filter(l -> l.matches("\\s+Topic: guide\\..*Partition:.*")).toList();
    Pattern isr = Pattern.compile("Isr: ([0-9,]+)");
    Pattern leader = Pattern.compile("Leader: ([0-9]+)");
    Set<String> leaders = new HashSet<>();
    for (String p : partitions) {
      Matcher m = isr.matcher(p);
      assertThat(m.find()).as(p).isTrue();
      assertThat(m.group(1).split(",")).as("in-sync replicas of " + p).hasSize(3);
      Matcher l = leader.matcher(p);
      assertThat(l.find()).as(p).isTrue();
      leaders.add(l.group(1));
    }
    assertThat(leaders).as("brokers leading partitions").containsExactlyInAnyOrder("1", "2", "3");
  }

  @Test
  @Order(3)
  void theProxySpreadsEachServiceOverAllOfItsInstances() {
    assertThat(upstreamsOf("/api/editions")).isEqualTo(addresses("export", 8083));
    assertThat(upstreamsOf("/preview")).isEqualTo(addresses("render", 8082));
    assertThat(upstreamsOf("/api/commits")).isEqualTo(addresses("ingest", 8081));
  }

  @Test
  @Order(4)
  void publishesTheSampleGuidesThreeEditionsThroughTheOneUrl() {
    awaitEditionsOf(head, Duration.ofMinutes(6));
  }

  @Test
  @Order(5)
  void everyInstanceServesTheEditsDownloadsAndSite() throws IOException {
    String commit = editAChapter("An edit every instance must serve.");
    awaitEditionsOf(commit, Duration.ofMinutes(4));
    JsonNode pdf = editionOf(commit, "PDF");
    String book = pdf.get("bookId").asString();
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(2))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              Set<String> upstreams = new HashSet<>();
              for (int i = 0; i < REQUESTS; i++) {
                HttpResponse<byte[]> r = get("/books/" + book + "/latest.pdf");
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(sha256(r.body())).isEqualTo(pdf.get("sha256").asString());
                upstreams.add(r.headers().firstValue("X-Galley-Upstream").orElseThrow());
              }
              assertThat(upstreams).isEqualTo(addresses("export", 8083));
            });
    HttpResponse<byte[]> range =
        send(request("/books/" + book + "/latest.pdf").header("Range", "bytes=0-99").build());
    assertThat(range.statusCode()).isEqualTo(206);
    assertThat(range.body()).hasSize(100);
    Set<String> upstreams = new HashSet<>();
    for (int i = 0; i < REQUESTS; i++) {
      HttpResponse<byte[]> r = get("/books/" + book + "/@" + commit + "/");
      assertThat(r.statusCode()).as("site of " + commit).isEqualTo(200);
      assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("<html");
      upstreams.add(r.headers().firstValue("X-Galley-Upstream").orElseThrow());
    }
    assertThat(upstreams).isEqualTo(addresses("render", 8082));
    // the edition was put in the object store under its sha256 (ab/cd/<sha256>)
    String found =
        ComposeProject.exec(
            stack.inspect("objects").getId(),
            "find",
            "/data",
            "-name",
            pdf.get("sha256").asString());
    assertThat(found).as("the PDF in the object store").contains(pdf.get("sha256").asString());
  }

  @Test
  @Order(6)
  void containersDropPrivilegesOnReadOnlyRootFilesystems() {
    for (var c : stack.containers()) {
      InspectContainerResponse i = ComposeProject.docker().inspectContainerCmd(c.getId()).exec();
      String service = c.getLabels().get("com.docker.compose.service");
      assertThat(i.getHostConfig().getReadonlyRootfs()).as(service + " read-only root").isTrue();
      assertThat(i.getHostConfig().getTmpFs()).as(service + " tmpfs").containsKey("/tmp");
      assertThat(i.getHostConfig().getCapDrop()).as(service + " capabilities").isNotEmpty();
      if (!"objects".equals(service)) {
        // the object store's upstream image writes its data volume as root (see the compose file)
        assertThat(i.getConfig().getUser())
            .as(service + " user")
            .isNotBlank()
            .doesNotStartWith("0");
      }
    }
  }

  private static String commit(String message) throws IOException {
    head = ComposeContent.commit(repo, message);
    return head;
  }

  private static String editAChapter(String line) throws IOException {
    head = ComposeContent.editAChapter(repo, line);
    return head;
  }

  /** Waits until three answers in a row (each from some export instance) list every format. */
  private static void awaitEditionsOf(String commit, Duration atMost) {
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofSeconds(2))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              for (int i = 0; i < 3; i++) {
                assertThat(formatsOf(commit)).containsAll(FORMATS);
              }
            });
  }

  private static Set<String> formatsOf(String commit) {
    Set<String> formats = new HashSet<>();
    for (JsonNode e : editions()) {
      if (commit.equals(e.get("commit").asString())) {
        formats.add(e.get("format").asString());
      }
    }
    return formats;
  }

  private static JsonNode editionOf(String commit, String format) {
    for (JsonNode e : editions()) {
      if (commit.equals(e.get("commit").asString()) && format.equals(e.get("format").asString())) {
        return e;
      }
    }
    throw new AssertionError("no " + format + " edition of " + commit);
  }

  private static JsonNode editions() {
    return JSON.readTree(get("/api/editions").body());
  }

  /** Which instances ({@code ip:port}, as the proxy reports) answered a route, all with 200. */
  private static Set<String> upstreamsOf(String path) {
    Set<String> upstreams = new HashSet<>();
    for (int i = 0; i < REQUESTS; i++) {
      HttpResponse<byte[]> r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      upstreams.add(r.headers().firstValue("X-Galley-Upstream").orElseThrow());
    }
    return upstreams;
  }

  /** The {@code ip:port} of every instance of a service on the project's network. */
  private static Set<String> addresses(String service, int containerPort) {
    return stack.instances(service).stream()
        .flatMap(c -> c.getNetworkSettings().getNetworks().values().stream())
        .map(n -> n.getIpAddress() + ":" + containerPort)
        .collect(Collectors.toSet());
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30));
  }

  private static HttpResponse<byte[]> get(String path) {
    return send(request(path).build());
  }

  private static HttpResponse<byte[]> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
