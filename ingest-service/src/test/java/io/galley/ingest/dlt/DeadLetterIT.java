package io.galley.ingest.dlt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.galley.events.EventHeaders;
import io.galley.events.EventJson;
import io.galley.ingest.IngestApplication;
import io.galley.ingest.TopicReader;
import io.galley.kafka.DeadLetters;
import io.galley.testsupport.KafkaBroker;
import io.galley.testsupport.TestRepo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Dead letters on the real broker: a poison record dead-lettered the way render and export do it
 * ({@link DeadLetters#recoverer}, kafka-edge's one format) shows in {@code GET /api/dlt}, and
 * replay puts its key, bytes and headers back on the origin topic once, however often it is asked.
 */
@SpringBootTest(
    classes = IngestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=ingest-service",
      "galley.ingest.admin-token=it-token",
      "galley.ingest.poll-interval=1s"
    })
class DeadLetterIT {

  static final String BOOTSTRAP = KafkaBroker.selected().bootstrapServers();
  static final String ORIGIN = "galley.it.dlt-origin-" + Long.toHexString(System.nanoTime());

  @LocalServerPort int port;
  final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    var dir = Files.createTempDirectory("galley-dlt-it");
    TestRepo repo = TestRepo.init(dir.resolve("content"));
    repo.write("book/intro.md", "# Intro\n\nHello.\n").commit("first");
    registry.add("spring.kafka.bootstrap-servers", () -> BOOTSTRAP);
    registry.add("galley.ingest.repository", () -> repo.dir().toString());
    registry.add("galley.ingest.state-dir", () -> dir.resolve("state").toString());
    registry.add("galley.ingest.instance", () -> "dlt-it");
    registry.add("galley.ingest.group", () -> "dlt-it-" + System.nanoTime());
  }

  @Test
  void listsAPoisonRecordAndReplaysItToItsOriginOnce() throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
      admin.createTopics(List.of(new NewTopic(ORIGIN, 2, (short) 1))).all().get();
    }
    String key = "poison-" + Long.toHexString(System.nanoTime());
    byte[] poison = "{not json".getBytes(StandardCharsets.UTF_8);
    ConsumerRecord<String, byte[]> failed = new ConsumerRecord<>(ORIGIN, 1, 17L, key, poison);
    EventHeaders.put(failed.headers(), EventHeaders.TYPE, "SourceDocument");
    deadLetter(
        failed,
        new DeserializationException(
            "failed to deserialize",
            poison,
            false,
            new IllegalArgumentException("Unexpected character 'n'")));

    JsonNode letter = await().atMost(Duration.ofSeconds(30)).until(() -> find(key), n -> n != null);
    assertThat(letter.get("originTopic").asString()).isEqualTo(ORIGIN);
    assertThat(letter.get("originPartition").asInt()).isEqualTo(1);
    assertThat(letter.get("originOffset").asLong()).isEqualTo(17L);
    assertThat(letter.get("exception").asString()).contains("Unexpected character");
    assertThat(letter.get("source").asString()).isEqualTo("render-service");
    assertThat(letter.get("size").asInt()).isEqualTo(poison.length);
    assertThat(letter.get("replayed").asBoolean()).isFalse();

    assertThat(replay("wrong", letter.get("offset").asLong()).statusCode()).isEqualTo(401);
    HttpResponse<String> replayed = replay("it-token", letter.get("offset").asLong());
    assertThat(replayed.statusCode()).isEqualTo(202);
    assertThat(EventJson.mapper().readTree(replayed.body()).get("replayed").asInt()).isEqualTo(1);

    List<ConsumerRecord<String, byte[]>> back =
        TopicReader.readAll(BOOTSTRAP, ORIGIN).stream().filter(r -> key.equals(r.key())).toList();
    assertThat(back).hasSize(1);
    assertThat(back.get(0).partition()).isEqualTo(1);
    assertThat(back.get(0).value()).isEqualTo(poison);
    assertThat(EventHeaders.get(back.get(0).headers(), EventHeaders.TYPE))
        .isEqualTo("SourceDocument");
    assertThat(back.get(0).headers().lastHeader(EventHeaders.DLT_EXCEPTION)).isNull();
    assertThat(back.get(0).headers().lastHeader("kafka_dlt-original-topic")).isNull();

    // a second replay of everything pending replays nothing: it is recorded as replayed
    HttpResponse<String> again = replay("it-token", -1);
    assertThat(again.statusCode()).isEqualTo(202);
    assertThat(TopicReader.readAll(BOOTSTRAP, ORIGIN).stream().filter(r -> key.equals(r.key())))
        .hasSize(1);
    assertThat(find(key).get("replayed").asBoolean()).isTrue();
  }

  private static void deadLetter(ConsumerRecord<String, byte[]> failed, Exception cause) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
    DefaultKafkaProducerFactory<String, byte[]> factory =
        new DefaultKafkaProducerFactory<>(props, new StringSerializer(), new ByteArraySerializer());
    try {
      // as render and export write them: the one format of kafka-edge
      DeadLetterPublishingRecoverer recoverer =
          DeadLetters.recoverer(new KafkaTemplate<>(factory), "render-service");
      recoverer.setFailIfSendResultIsError(true);
      recoverer.accept(failed, cause);
    } finally {
      factory.destroy();
    }
  }

  private JsonNode find(String key) throws Exception {
    HttpResponse<String> list =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/dlt")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(list.statusCode()).isEqualTo(200);
    for (JsonNode n : EventJson.mapper().readTree(list.body())) {
      if (key.equals(n.get("key").asString())) {
        return n;
      }
    }
    return null;
  }

  private HttpResponse<String> replay(String token, long offset) throws Exception {
    String query = offset < 0 ? "" : "?offset=" + offset;
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/dlt/replay" + query))
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
