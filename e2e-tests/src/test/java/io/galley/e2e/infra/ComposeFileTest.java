package io.galley.e2e.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.TopicSpec;
import io.galley.events.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What can be checked of the compose stack without a Docker engine: the file parses, names the
 * services on their contract ports with health checks, builds images from a Dockerfile that exists,
 * and creates every topic with the partitions and cleanup policy of {@link Topics}, exactly as the
 * services declare them.
 */
class ComposeFileTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final JsonNode COMPOSE = read(ROOT.resolve("infra/docker-compose.yml"));

  static JsonNode read(Path file) {
    return new YAMLMapper().readTree(file.toFile());
  }

  @Test
  void namesKafkaTopicCreationAndTheThreeServices() {
    List<String> names = new ArrayList<>();
    COMPOSE.get("services").propertyNames().forEach(names::add);
    assertThat(names)
        .containsExactlyInAnyOrder("kafka", "kafka-init", "ingest", "render", "export");
    assertThat(COMPOSE.at("/services/kafka/image").asString()).startsWith("apache/kafka:");
  }

  @Test
  void servicesPublishContractPortsWithHealthChecksAndMemoryLimits() {
    Map<String, String> ports = Map.of("ingest", "8081", "render", "8082", "export", "8083");
    ports.forEach(
        (service, port) -> {
          JsonNode s = COMPOSE.at("/services/" + service);
          // the host port is overridable (tests use free ones); the default is the contract port
          String env = "GALLEY_" + service.toUpperCase(java.util.Locale.ROOT) + "_PORT";
          assertThat(s.get("ports").get(0).asString())
              .isEqualTo("${" + env + ":-" + port + "}:" + port);
          assertThat(s.at("/healthcheck/test").toString())
              .contains("localhost:" + port + "/actuator/health");
          assertThat(s.get("mem_limit").asString()).isNotBlank();
          assertThat(s.at("/depends_on/kafka-init/condition").asString())
              .isEqualTo("service_completed_successfully");
        });
  }

  @Test
  void readsWithComposeV1NoTopLevelName() {
    // docker-compose 1.29 rejects it ("'name' does not match any of the regexes"); -p names it
    assertThat(COMPOSE.has("name")).isFalse();
  }

  @Test
  void everyContainerIsNonRootOnAReadOnlyRootWithTmpfs() {
    COMPOSE
        .get("services")
        .propertyNames()
        .forEach(
            service -> {
              JsonNode s = COMPOSE.at("/services/" + service);
              assertThat(s.at("/user").asString()).as(service).matches("[1-9][0-9]*:[1-9][0-9]*");
              assertThat(s.at("/read_only").asBoolean()).as(service).isTrue();
              assertThat(s.at("/tmpfs").toString()).as(service).contains("\"/tmp\"");
            });
  }

  @Test
  void longRunningServicesComeBackAfterACrash() {
    for (String service : List.of("kafka", "ingest", "render", "export")) {
      assertThat(COMPOSE.at("/services/" + service + "/restart").asString())
          .as(service)
          .isEqualTo("unless-stopped");
    }
  }

  @Test
  void imagesAreBuiltFromTheProjectsDockerfileForModulesThatExist() {
    for (String service : List.of("ingest", "render", "export")) {
      JsonNode build = COMPOSE.at("/services/" + service + "/build");
      Path context = ROOT.resolve("infra").resolve(build.get("context").asString()).normalize();
      assertThat(context).isEqualTo(ROOT);
      assertThat(context.resolve(build.get("dockerfile").asString())).isRegularFile();
      String module = build.at("/args/SERVICE").asString();
      assertThat(ROOT.resolve(module).resolve("pom.xml")).isRegularFile();
      assertThat(COMPOSE.at("/services/" + service + "/image").asString()).contains(module);
    }
  }

  @Test
  void topicCreationMatchesTheEventContracts() {
    String script = COMPOSE.at("/services/kafka-init/command").get(0).asString();
    assertCreatesTheContractTopics(script, 3);
  }

  @Test
  void createsNoTopicTheServicesWouldDeclareDifferently() {
    ComposeTopics.assertServicesDeclareWhatIsCreated(
        COMPOSE, List.of("ingest", "render", "export"));
  }

  @Test
  void theThreeServicesShareOneBlobStoreAndNoTopicCarriesBytes() throws Exception {
    for (String service : List.of("ingest", "render", "export")) {
      JsonNode s = COMPOSE.at("/services/" + service);
      // a directory store each container kept in its own tmpfs would hide ingest's images
      assertThat(s.at("/environment/GALLEY_BLOB_TYPE").asString())
          .as(service)
          .isEqualTo("directory");
      assertThat(s.at("/environment/GALLEY_BLOB_DIRECTORY").asString())
          .as(service)
          .isEqualTo("/var/lib/galley/blobs");
      assertThat(s.get("volumes").toString())
          .as(service)
          .contains("\"blobs:/var/lib/galley/blobs\"");
    }
    assertThat(COMPOSE.at("/volumes").has("blobs")).isTrue();
    // a new named volume takes the owner of the image's folder: the non-root user must own it
    assertThat(Files.readString(ROOT.resolve("infra/docker/Dockerfile")))
        .containsPattern("chown galley .*/blobs");
    List<String> contract = Topics.all(3).stream().map(TopicSpec::name).toList();
    String script = COMPOSE.at("/services/kafka-init/command").get(0).asString();
    script
        .lines()
        .filter(l -> l.contains("--topic "))
        .forEach(
            l ->
                assertThat(l.replaceAll(".*--topic (\\S+).*", "$1"))
                    .as("a topic the events do not name")
                    .isIn(contract));
  }

  @Test
  void runtimeImageIsNonRootOnAJre() throws Exception {
    String dockerfile = Files.readString(ROOT.resolve("infra/docker/Dockerfile"));
    assertThat(dockerfile).contains("FROM eclipse-temurin:17-jre").contains("USER 10001");
    assertThat(dockerfile).contains("extract --layers");
    // the legacy builder (no BuildKit, no buildx) must build it, and nothing may be pulled for it
    assertThat(dockerfile.lines()).noneMatch(l -> l.matches("#\\s*syntax\\s*=.*"));
    assertThat(dockerfile).doesNotContain("RUN --mount");
  }

  /**
   * Every topic of the event contracts is created by {@code script} with its partitions and
   * configs.
   */
  static void assertCreatesTheContractTopics(String script, int partitions) {
    for (TopicSpec spec : Topics.all(partitions)) {
      String line =
          script
              .lines()
              .filter(l -> l.contains("--topic " + spec.name() + " "))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no topic creation for " + spec.name()));
      assertThat(line).contains("--partitions " + spec.partitions());
      spec.configs().forEach((k, v) -> assertThat(line).contains("--config " + k + "=" + v));
    }
  }
}
