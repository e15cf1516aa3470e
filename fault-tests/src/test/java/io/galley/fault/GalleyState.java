package io.galley.fault;

import io.galley.events.EditionEvent;
import io.galley.events.EditionPublished;
import io.galley.events.EventJson;
import io.galley.events.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/** What the running stack says: its HTTP APIs and the editions topic, read as a client would. */
final class GalleyState {

  private final PipelineStack stack;
  private final String bookId;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  GalleyState(PipelineStack stack, String bookId) {
    this.stack = stack;
    this.bookId = bookId;
  }

  /** Whether {@code GET /api/editions} lists HTML, PDF and EPUB editions of {@code commit}. */
  boolean hasAllFormats(String commit) throws IOException, InterruptedException {
    Set<String> formats = new HashSet<>();
    for (JsonNode e : editions()) {
      if (commit.equals(e.get("commit").asString())) {
        formats.add(e.get("format").asString());
      }
    }
    return formats.containsAll(List.of("HTML", "PDF", "EPUB"));
  }

  /** The commit of the newest edition of each format ({@code /api/editions} is newest first). */
  Map<String, String> latestCommitByFormat() throws IOException, InterruptedException {
    Map<String, String> latest = new HashMap<>();
    for (JsonNode e : editions()) {
      latest.putIfAbsent(e.get("format").asString(), e.get("commit").asString());
    }
    return latest;
  }

  /** The sha256 of the newest edition of a format. */
  String latestSha(String format) throws IOException, InterruptedException {
    for (JsonNode e : editions()) {
      if (format.equals(e.get("format").asString())) {
        return e.get("sha256").asString();
      }
    }
    return null;
  }

  /** Commits the ingest service's commit log shows as ingested. */
  Set<String> ingestedCommits() throws IOException, InterruptedException {
    Set<String> out = new HashSet<>();
    for (JsonNode c : json(stack.url("ingest", "/api/commits"))) {
      if (bookId.equals(c.get("bookId").asString())
          && "ingested".equals(c.get("status").asString())) {
        out.add(c.get("commit").asString());
      }
    }
    return out;
  }

  /** Every file ever published on the editions topic, as sha256s by {@code commit/format}. */
  Map<String, Set<String>> publishedFilesByCommitAndFormat() {
    Map<String, Set<String>> out = new TreeMap<>();
    for (EditionPublished p : published()) {
      out.computeIfAbsent(p.commit() + "/" + p.format(), k -> new HashSet<>()).add(p.sha256());
    }
    return out;
  }

  /** Every sha256 ever published for a format. */
  Set<String> publishedShas(String format) {
    Set<String> out = new HashSet<>();
    published().stream()
        .filter(p -> p.format().name().equals(format))
        .forEach(p -> out.add(p.sha256()));
    return out;
  }

  private List<EditionPublished> published() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + stack.kafkaPort);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<EditionPublished> out = new java.util.ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts =
          consumer.partitionsFor(Topics.EDITIONS, Duration.ofSeconds(10)).stream()
              .map(p -> new TopicPartition(Topics.EDITIONS, p.partition()))
              .toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts);
      while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        consumer
            .poll(Duration.ofMillis(200))
            .forEach(
                r -> {
                  if (r.value() != null
                      && EventJson.fromBytes(r.value(), EditionEvent.class)
                          instanceof EditionPublished p
                      && bookId.equals(p.bookId())) {
                    out.add(p);
                  }
                });
      }
    }
    return out;
  }

  private List<JsonNode> editions() throws IOException, InterruptedException {
    List<JsonNode> out = new java.util.ArrayList<>();
    for (JsonNode e : json(stack.url("export", "/api/editions"))) {
      if (bookId.equals(e.get("bookId").asString())) {
        out.add(e);
      }
    }
    return out;
  }

  private JsonNode json(String url) throws IOException, InterruptedException {
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IOException(url + " answered " + r.statusCode());
    }
    return EventJson.mapper().readTree(r.body());
  }
}
