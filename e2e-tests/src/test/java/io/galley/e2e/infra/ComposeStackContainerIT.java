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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * {@code infra/docker-compose.yml}, really: built and brought up with this machine's compose on
 * free host ports, publishing a git repository the test commits to (a copy of the sample guide).
 * The steps build on each other, in order: three editions, an edit's new editions, a SIGKILLed
 * service brought back by the restart policy, a restarted broker, and everything taken down with
 * its volumes. Needs a Docker engine and compose; skipped cleanly where there is none.
 */
@Testcontainers(disabledWithoutDocker = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeStackContainerIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final List<String> FORMATS = List.of("HTML", "PDF", "EPUB");
  private static final List<String> SERVICES =
      List.of("kafka", "kafka-init", "ingest", "render", "export");

  static ComposeProject stack;
  static TestRepo repo;
  static int exportPort;
  static String head;

  @BeforeAll
  static void up() throws IOException {
    List<String> compose = ComposeProject.composeCommand();
    assumeFalse(compose.isEmpty(), "no docker compose (v2) or docker-compose (v1) here");
    repo = ComposeContent.create("compose-content-");
    Path content = repo.dir();
    commit("The sample guide");
    int[] ports = freePorts(3);
    exportPort = ports[2];
    String name = "galleyit" + ProcessHandle.current().pid();
    stack =
        ComposeProject.of(
            compose,
            name,
            Map.of(
                "GALLEY_CONTENT_DIR", content.toString(),
                "GALLEY_INGEST_PORT", Integer.toString(ports[0]),
                "GALLEY_RENDER_PORT", Integer.toString(ports[1]),
                "GALLEY_EXPORT_PORT", Integer.toString(exportPort)),
            content.getParent().resolve("compose-" + name + ".log"));
    // the first build compiles the project inside the build image: minutes on two cores
    stack.run(30, "build");
    stack.run(10, "up", "-d");
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
  void publishesTheSampleGuidesThreeEditions() {
    awaitEditionsOf(head, Duration.ofMinutes(8));
  }

  @Test
  @Order(2)
  void aCommittedEditPublishesNewEditions() throws IOException {
    String commit = editAChapter("An edit the stack must publish.");
    awaitEditionsOf(commit, Duration.ofMinutes(4));
  }

  @Test
  @Order(3)
  void aKilledServiceComesBackWithNothingLost() throws IOException {
    awaitEditionsOf(head, Duration.ofMinutes(4));
    List<String> before = editions();
    InspectContainerResponse export = stack.inspect("export");
    long pid = export.getState().getPidLong();
    // a crash, not a stop: docker kill counts as a manual stop, which restart policies respect
    ProcessHandle.of(pid).orElseThrow().destroyForcibly();
    // back by the restart policy, with every edition listed before (its catalog is rebuilt from
    // Kafka and the edition store as it starts, so the list fills up)
    await()
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofSeconds(2))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              assertThat(stack.inspect("export").getRestartCount()).isGreaterThanOrEqualTo(1);
              assertThat(editions()).containsAll(before);
            });
    assertThat(stack.inspect("export").getState().getPidLong()).isNotEqualTo(pid);
    awaitEditionsOf(editAChapter("After the export service's crash."), Duration.ofMinutes(4));
  }

  @Test
  @Order(4)
  void theBrokerRestartsAndThePipelineResumes() throws IOException {
    String kafka = stack.inspect("kafka").getId();
    ComposeProject.docker().restartContainerCmd(kafka).withTimeout(30).exec();
    awaitEditionsOf(editAChapter("After the broker's restart."), Duration.ofMinutes(5));
  }

  @Test
  @Order(5)
  void containersRunAsNonRootOnReadOnlyRootFilesystems() {
    for (String service : SERVICES) {
      InspectContainerResponse c = stack.inspect(service);
      assertThat(c.getConfig().getUser())
          .as(service + " user")
          .isNotBlank()
          .doesNotStartWith("0")
          .isNotEqualTo("root");
      assertThat(c.getHostConfig().getReadonlyRootfs()).as(service + " read-only root").isTrue();
      assertThat(c.getHostConfig().getTmpFs()).as(service + " tmpfs").containsKey("/tmp");
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

  private static void awaitEditionsOf(String commit, Duration atMost) {
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofSeconds(2))
        // while a container starts, docker-proxy accepts and drops the connection
        .ignoreExceptions()
        .untilAsserted(() -> assertThat(formatsOf(commit)).containsAll(FORMATS));
  }

  private static Set<String> formatsOf(String commit) {
    Set<String> formats = new HashSet<>();
    for (JsonNode e : JSON.readTree(get("/api/editions"))) {
      if (commit.equals(e.get("commit").asString())) {
        formats.add(e.get("format").asString());
      }
    }
    return formats;
  }

  /** Edition ids and their content hashes, as listed. */
  private static List<String> editions() {
    List<String> out = new ArrayList<>();
    for (JsonNode e : JSON.readTree(get("/api/editions"))) {
      out.add(e.get("editionId").asString() + " " + e.get("sha256").asString());
    }
    return out;
  }

  private static String get(String path) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + exportPort + path))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int[] freePorts(int n) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        sockets.add(new ServerSocket(0));
      }
      return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
    } finally {
      for (ServerSocket s : sockets) {
        s.close();
      }
    }
  }
}
