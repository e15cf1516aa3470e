package io.galley.e2e.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What can be checked of the cluster variant without a Docker engine: three brokers in one KRaft
 * quorum replicating every topic three times, the services' blob store settings pointing all
 * instances at one bucket, scalable services publishing no ports, and the proxy routing each
 * service's routes to it.
 */
class ClusterComposeFileTest {

  static final JsonNode CLUSTER = ComposeFileTest.read(ClusterComposeContainerIT.FILE);
  static final List<String> BROKERS = List.of("kafka-1", "kafka-2", "kafka-3");
  static final List<String> SERVICES = List.of("ingest", "render", "export");

  @Test
  void namesTheBrokersTheObjectStoreTheServicesAndTheProxy() {
    List<String> names = new ArrayList<>();
    CLUSTER.get("services").propertyNames().forEach(names::add);
    assertThat(names)
        .containsExactlyInAnyOrder(
            "kafka-1",
            "kafka-2",
            "kafka-3",
            "kafka-init",
            "objects",
            "bucket-init",
            "ingest",
            "render",
            "export",
            "proxy");
    // compose v1 rejects a top-level name; -p names the project
    assertThat(CLUSTER.has("name")).isFalse();
  }

  @Test
  void threeBrokersFormOneQuorumWithReplicationThreeAndMinInSyncTwo() {
    Set<String> ids = new HashSet<>();
    Set<String> volumes = new HashSet<>();
    Set<String> clusterIds = new HashSet<>();
    for (String broker : BROKERS) {
      JsonNode env = CLUSTER.at("/services/" + broker + "/environment");
      ids.add(env.get("KAFKA_NODE_ID").asString());
      clusterIds.add(env.get("CLUSTER_ID").asString());
      volumes.add(CLUSTER.at("/services/" + broker + "/volumes").get(0).asString());
      assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS").asString())
          .isEqualTo("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093");
      assertThat(env.get("KAFKA_ADVERTISED_LISTENERS").asString())
          .isEqualTo("PLAINTEXT://" + broker + ":9092");
      for (String rf :
          List.of(
              "KAFKA_DEFAULT_REPLICATION_FACTOR",
              "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR",
              "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR")) {
        assertThat(env.get(rf).asString()).as(broker + " " + rf).isEqualTo("3");
      }
      assertThat(env.get("KAFKA_MIN_INSYNC_REPLICAS").asString()).isEqualTo("2");
      assertThat(env.get("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR").asString()).isEqualTo("2");
      assertThat(CLUSTER.at("/services/" + broker + "/healthcheck/test").toString())
          .contains("kafka-broker-api-versions");
    }
    assertThat(ids).containsExactlyInAnyOrder("1", "2", "3");
    assertThat(volumes).as("a data volume per broker").hasSize(3);
    assertThat(clusterIds).as("one cluster id").hasSize(1);
  }

  @Test
  void everyTopicIsCreatedReplicatedOnAllBrokersAsTheServicesDeclareIt() {
    String script = CLUSTER.at("/services/kafka-init/command").get(0).asString();
    assertThat(script).contains("--replication-factor 3 --config min.insync.replicas=2");
    ComposeFileTest.assertCreatesTheContractTopics(script, 6);
    // whichever starts first, kafka-init or a service, the topics are the same
    ComposeTopics.assertServicesDeclareWhatIsCreated(CLUSTER, SERVICES);
  }

  @Test
  void allInstancesShareOneBucketOfTheObjectStore() {
    Map<String, String> first = null;
    for (String service : SERVICES) {
      JsonNode env = CLUSTER.at("/services/" + service + "/environment");
      assertThat(env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS").asString())
          .isEqualTo("kafka-1:9092,kafka-2:9092,kafka-3:9092");
      Map<String, String> blob = new TreeMap<>();
      env.propertyNames().stream()
          .filter(k -> k.startsWith("GALLEY_BLOB_"))
          .forEach(k -> blob.put(k, env.get(k).asString()));
      assertThat(blob)
          .containsEntry("GALLEY_BLOB_TYPE", "s3")
          .containsEntry("GALLEY_BLOB_S3_ENDPOINT", "${GALLEY_S3_ENDPOINT:-http://objects:8080}")
          .containsEntry("GALLEY_BLOB_S3_PATH_STYLE_ACCESS", "${GALLEY_S3_PATH_STYLE_ACCESS:-true}")
          .containsKeys(
              "GALLEY_BLOB_S3_BUCKET",
              "GALLEY_BLOB_S3_REGION",
              "GALLEY_BLOB_S3_ACCESS_KEY_ID",
              "GALLEY_BLOB_S3_SECRET_ACCESS_KEY");
      if (first == null) {
        first = blob;
      }
      assertThat(blob).as(service + " and " + SERVICES.get(0) + " alike").isEqualTo(first);
      assertThat(
              CLUSTER.at("/services/" + service + "/depends_on/bucket-init/condition").asString())
          .isEqualTo("service_completed_successfully");
    }
    // the store's credentials are the ones the services sign with
    JsonNode objects = CLUSTER.at("/services/objects/environment");
    assertThat(objects.get("S3PROXY_IDENTITY").asString())
        .isEqualTo(first.get("GALLEY_BLOB_S3_ACCESS_KEY_ID"));
    assertThat(objects.get("S3PROXY_CREDENTIAL").asString())
        .isEqualTo(first.get("GALLEY_BLOB_S3_SECRET_ACCESS_KEY"));
  }

  @Test
  void onlyTheProxyPublishesAPortAndScaledServicesKeepNoSharedState() {
    CLUSTER
        .get("services")
        .propertyNames()
        .forEach(
            service -> {
              JsonNode s = CLUSTER.at("/services/" + service);
              if ("proxy".equals(service)) {
                assertThat(s.get("ports").get(0).asString()).isEqualTo("${GALLEY_PORT:-8080}:8080");
              } else {
                assertThat(s.has("ports")).as(service + " publishes no port").isFalse();
              }
              // a fixed container name would make --scale fail
              assertThat(s.has("container_name")).as(service).isFalse();
            });
    for (String scaled : List.of("render", "export")) {
      // an anonymous volume per instance, not a named one all instances would share
      assertThat(CLUSTER.at("/services/" + scaled + "/volumes").get(0).asString())
          .isEqualTo("/data");
    }
  }

  @Test
  void theProxyRoutesEachServicesRoutesToIt() throws Exception {
    String volume = CLUSTER.at("/services/proxy/volumes").get(0).asString();
    Path conf = ComposeFileTest.ROOT.resolve("infra").resolve(volume.split(":")[0]).normalize();
    String nginx = Files.readString(conf);
    assertThat(nginx)
        .contains("set $ingest ingest:8081;")
        .contains("set $render render:8082;")
        .contains("set $export export:8083;")
        .contains("resolver 127.0.0.11")
        .contains("listen 8080;");
    Map<String, String> routes =
        Map.of(
            "location /api/commits ", "$ingest",
            "location /webhooks/ ", "$ingest",
            "location /api/dlt ", "$ingest",
            "location /books/ ", "$render",
            "location /api/preview ", "$render",
            "location ~ ^/books/[^/]+/(latest\\.(pdf|epub)|diff)$ ", "$export",
            "location /editions/ ", "$export",
            "location = /api/events ", "$export",
            "location / ", "$export");
    routes.forEach(
        (location, upstream) -> {
          int at = nginx.indexOf(location);
          assertThat(at).as(location).isNotNegative();
          String block = nginx.substring(at, nginx.indexOf('}', at));
          assertThat(block).as(location).contains("proxy_pass http://" + upstream + ";");
        });
    assertThat(CLUSTER.at("/services/proxy/entrypoint").toString())
        .contains("/etc/galley/nginx.conf");
  }
}
