package io.galley.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.galley.events.AssetRef;
import io.galley.events.BookMetadata;
import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.events.Digests;
import io.galley.events.EditionEvent;
import io.galley.events.EditionPublished;
import io.galley.events.EventDeserializer;
import io.galley.events.EventHeaders;
import io.galley.events.EventJson;
import io.galley.events.RenderedChapter;
import io.galley.events.SourceDocument;
import io.galley.events.Topics;
import io.galley.testsupport.KafkaBroker;
import io.galley.testsupport.TestImages;
import io.micrometer.core.instrument.MeterRegistry;
import java.awt.Color;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The render service against a real broker: sources, an asset and manifests published directly (the
 * contract ingest fulfils), rendered chapters and editions read back, the site over HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractRenderServiceIT {

  @TempDir static Path state;
  ConfigurableApplicationContext app;
  KafkaProducer<String, Object> producer;
  String bootstrap;
  String base;
  final HttpClient http = HttpClient.newHttpClient();
  final String bookId = "it-" + UUID.randomUUID().toString().substring(0, 8);

  abstract KafkaBroker broker();

  @BeforeAll
  void start() {
    bootstrap = broker().bootstrapServers();
    app =
        RenderApplication.builder()
            .run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--galley.render.state-dir=" + state,
                "--galley.blob.directory=" + state.resolve("blobs"));
    base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    Map<String, Object> props =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ProducerConfig.ACKS_CONFIG,
            "all",
            // as ingest does: all of a book's records in its partition, in order
            ProducerConfig.PARTITIONER_CLASS_CONFIG,
            io.galley.kafka.BookPartitioner.class.getName());
    producer =
        new KafkaProducer<>(
            props,
            new StringSerializer(),
            (topic, data) -> data instanceof byte[] b ? b : EventJson.toBytes(data));
  }

  @AfterAll
  void stop() {
    if (producer != null) {
      producer.close();
    }
    if (app != null) {
      app.close();
    }
  }

  @Test
  void rendersCommitsAndServesTheSiteIncrementally(CapturedOutput output) throws Exception {
    byte[] png = TestImages.png(4, 3, Color.ORANGE);
    AssetRef image = new AssetRef("images/dot.png", Digests.sha256Hex(png), "image/png");
    SourceDocument intro =
        source("intro", "# Welcome\n\nRead [the setup](guide/setup.md).\n", List.of());
    SourceDocument setup =
        source(
            "guide/setup",
            "# Setup\n\n![A dot](../images/dot.png)\n\n```go\nfunc main() {}\n```\n",
            List.of(image));
    String commit1 = "1".repeat(40);
    CommitIngested first =
        manifest(commit1, null, Instant.parse("2026-01-01T10:00:00Z"), intro, setup, image);

    // the manifest first: the join must not depend on arrival order
    send(Topics.RECENT_COMMITS, Topics.commitKey(bookId, first.commit()), first);
    send(Topics.SOURCE, intro.key(), intro);
    send(Topics.SOURCE, setup.key(), setup);
    // the image is in the blob store, as ingest leaves it before announcing the commit
    try (var blobs = new io.galley.blob.DirectoryBlobStore(state.resolve("blobs"))) {
      blobs.put(new java.io.ByteArrayInputStream(png), "image/png");
    }

    EditionPublished edition1 = awaitEdition(commit1);
    assertThat(edition1.downloadPath()).isEqualTo("/books/" + bookId + "/@" + commit1 + "/");
    assertThat(edition1.builtAt()).isEqualTo(first.committedAt());
    List<RenderedChapter> rendered = renderedChapters();
    assertThat(rendered).extracting(RenderedChapter::docId).contains("intro", "guide/setup");
    RenderedChapter renderedIntro =
        rendered.stream().filter(r -> r.docId().equals("intro")).findFirst().orElseThrow();
    assertThat(renderedIntro.xhtml()).contains("href=\"doc:guide/setup\"");
    assertThat(renderedIntro.title()).isEqualTo("Welcome");

    HttpResponse<String> index = get("/books/" + bookId + "/");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(index.body()).containsSubsequence("Welcome", "Setup");
    HttpResponse<String> page = get("/books/" + bookId + "/guide/setup.html");
    assertThat(page.body())
        .contains("src=\"../assets/" + image.sha256() + ".png\"")
        .contains("aria-current=\"page\"")
        .contains("tok-keyword");
    HttpResponse<byte[]> img =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(base + "/books/" + bookId + "/assets/" + image.sha256() + ".png"))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(img.statusCode()).isEqualTo(200);
    assertThat(img.headers().firstValue("Content-Type")).contains("image/png");
    assertThat(img.body()).isEqualTo(png);

    HttpResponse<String> bare = get("/books/" + bookId);
    assertThat(bare.statusCode()).isEqualTo(301);
    assertThat(bare.headers().firstValue("Location")).contains("/books/" + bookId + "/");
    for (String evil :
        List.of(
            "/%2e%2e/%2e%2e/etc/passwd",
            "/..%2F..%2Fetc%2Fpasswd", "/@" + commit1 + "/..%5C..%5Cpom.xml")) {
      HttpResponse<String> r = get("/books/" + bookId + evil);
      assertThat(r.statusCode()).as(evil).isIn(400, 404);
      assertThat(r.body()).doesNotContain("root:");
    }
    assertThat(get("/books/" + bookId + "/@" + "9".repeat(40) + "/").statusCode()).isEqualTo(404);
    HttpResponse<byte[]> zip =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/books/" + bookId + "/@" + commit1 + ".zip"))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(zip.statusCode()).isEqualTo(200);
    assertThat(zip.headers().firstValue("Content-Type")).contains("application/zip");
    assertThat(new String(zip.body(), java.nio.charset.StandardCharsets.ISO_8859_1))
        .contains("/guide/setup.html");
    assertThat(searchShards(bookId, commit1)).anyMatch(s -> s.contains("guide/setup.html"));

    // second commit: only intro changes
    MeterRegistry meters = app.getBean(MeterRegistry.class);
    double renderedBefore = meters.counter("galley.render.chapters.rendered").count();
    double reusedBefore = meters.counter("galley.render.chapters.reused").count();
    SourceDocument intro2 = source("intro", "# Welcome\n\nSecond edition text.\n", List.of());
    String commit2 = "2".repeat(40);
    send(Topics.SOURCE, intro2.key(), intro2);
    send(
        Topics.RECENT_COMMITS,
        Topics.commitKey(bookId, commit2),
        manifest(commit2, commit1, Instant.parse("2026-01-02T10:00:00Z"), intro2, setup, image));
    awaitEdition(commit2);
    assertThat(meters.counter("galley.render.chapters.rendered").count() - renderedBefore)
        .isEqualTo(1.0);
    assertThat(meters.counter("galley.render.chapters.reused").count() - reusedBefore)
        .isEqualTo(1.0);

    assertThat(get("/books/" + bookId + "/intro.html").body()).contains("Second edition text.");
    // the search index: the edited chapter's new shard, the unchanged chapter's shard as it was
    List<String> shards1 = searchShards(bookId, commit1);
    List<String> shards2 = searchShards(bookId, commit2);
    assertThat(shards2).anyMatch(s -> s.contains("Second edition text."));
    assertThat(shards1).noneMatch(s -> s.contains("Second edition text."));
    assertThat(shards2).filteredOn(s -> s.contains("guide/setup.html")).hasSize(1);
    assertThat(shards2.stream().filter(s -> s.contains("guide/setup.html")).toList())
        .isEqualTo(shards1.stream().filter(s -> s.contains("guide/setup.html")).toList());
    HttpResponse<String> old = get("/books/" + bookId + "/@" + commit1 + "/intro.html");
    assertThat(old.statusCode()).isEqualTo(200);
    assertThat(old.body()).doesNotContain("Second edition text.").contains("Read");
    assertThat(get("/actuator/prometheus").body())
        .contains("galley_render_chapters_rendered_total")
        .contains("galley_render_chapters_reused_total")
        .contains("galley_render_duration_seconds_bucket")
        .contains("galley_edition_latency_seconds_bucket{format=\"HTML\"")
        .containsPattern("galley_edition_latency_seconds_count\\{format=\"HTML\"\\} [1-9]")
        .containsPattern("galley_render_duration_seconds_count [1-9]")
        .containsPattern("galley_edition_bytes_count\\{format=\"HTML\"\\} [1-9]")
        .contains("kafka_consumer_fetch_manager_records_lag_max");
    // the build worker's log line names its trace and, from the baggage, the commit
    assertThat(output.getOut().lines())
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("built HTML edition")
                    .containsPattern("\\[[0-9a-f]{32}," + commit2 + "\\]"));
    HttpResponse<String> health = get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");

    // a restarted service rebuilds its state from Kafka and serves the newest commit again
    app.close();
    app =
        RenderApplication.builder()
            .run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--galley.render.state-dir=" + state,
                "--galley.blob.directory=" + state.resolve("blobs"));
    base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> get("/books/" + bookId + "/intro.html").body().contains("Second edition text."));
  }

  @Test
  void sendsUnusableRecordsToTheDeadLetterTopic() throws Exception {
    String badKey = Topics.commitKey("bad-" + bookId, "c");
    send(Topics.RECENT_COMMITS, badKey, new byte[] {1, 2, 3});
    String badDoc = bookId + "/broken";
    send(Topics.SOURCE, badDoc, "{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              List<String> keys = new ArrayList<>();
              for (ConsumerRecord<String, byte[]> r : records(Topics.DLT)) {
                if (EventHeaders.get(r.headers(), EventHeaders.DLT_ORIGIN) != null) {
                  keys.add(r.key());
                }
              }
              return keys.contains(badKey) && keys.contains(badDoc);
            });
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(get("/actuator/prometheus").body())
                    .contains("galley_dlt_records_total{topic=\"guide.recent-commits.v1\"")
                    .contains("galley_dlt_records_total{topic=\"guide.source.v1\""));
  }

  @Test
  void answersProblemsForUnknownBooksAndBadPaths() throws Exception {
    HttpResponse<String> unknown = get("/books/no-such-book/");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type").orElse(""))
        .contains("application/problem+json");
    assertThat(get("/books/x/@abc/..%5C..%5Cetc/passwd").statusCode()).isIn(400, 404);
  }

  SourceDocument source(String docId, String markdown, List<AssetRef> assets) {
    return new SourceDocument(
        bookId,
        docId,
        "book/" + docId + ".md",
        "c",
        Digests.sha256Hex(markdown),
        Map.of(),
        markdown,
        0,
        assets);
  }

  CommitIngested manifest(
      String commit,
      String parent,
      Instant at,
      SourceDocument intro,
      SourceDocument setup,
      AssetRef image) {
    return new CommitIngested(
        bookId,
        commit,
        parent,
        "A <a@example.com>",
        "msg",
        at,
        new BookMetadata(
            bookId,
            "The Book",
            "A subtitle",
            List.of("Ann Author"),
            "en",
            null,
            null,
            null,
            null,
            null),
        List.of(
            new ChapterEntry("intro", intro.sha256(), "Welcome"),
            new ChapterEntry("guide/setup", setup.sha256(), "Setup")),
        List.of(image),
        List.of("intro"),
        List.of(),
        parent == null,
        List.of());
  }

  void send(String topic, String key, Object value) throws Exception {
    producer.send(new ProducerRecord<>(topic, key, value)).get();
  }

  /** The shards of a site's search index, as served, in the order its list names them. */
  List<String> searchShards(String bookId, String commit) throws Exception {
    String site = "/books/" + bookId + "/@" + commit + "/";
    HttpResponse<String> list = get(site + "search-index.js");
    assertThat(list.statusCode()).isEqualTo(200);
    List<String> shards = new ArrayList<>();
    java.util.regex.Matcher name =
        java.util.regex.Pattern.compile("[0-9a-f]{64}").matcher(list.body());
    while (name.find()) {
      HttpResponse<String> shard = get(site + "search/" + name.group() + ".js");
      assertThat(shard.statusCode()).isEqualTo(200);
      shards.add(shard.body());
    }
    assertThat(shards).isNotEmpty();
    return shards;
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  EditionPublished awaitEdition(String commit) {
    List<EditionPublished> found = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              for (EditionEvent e :
                  readAll(Topics.EDITIONS, new EventDeserializer<>(EditionEvent.class))) {
                if (e instanceof EditionPublished p
                    && p.bookId().equals(bookId)
                    && p.commit().equals(commit)) {
                  found.add(p);
                  return true;
                }
              }
              return false;
            });
    return found.get(0);
  }

  List<RenderedChapter> renderedChapters() {
    return readAll(Topics.RENDERED, new EventDeserializer<>(RenderedChapter.class)).stream()
        .filter(r -> r.bookId().equals(bookId))
        .toList();
  }

  List<ConsumerRecord<String, byte[]>> records(String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> c =
        new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      var parts =
          c.partitionsFor(topic).stream()
              .map(i -> new org.apache.kafka.common.TopicPartition(topic, i.partition()))
              .toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<org.apache.kafka.common.TopicPartition, Long> end = c.endOffsets(parts);
      while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
        c.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }

  <T> List<T> readAll(String topic, org.apache.kafka.common.serialization.Deserializer<T> values) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<T> out = new ArrayList<>();
    try (KafkaConsumer<String, T> c = new KafkaConsumer<>(p, new StringDeserializer(), values)) {
      var parts =
          c.partitionsFor(topic).stream()
              .map(i -> new org.apache.kafka.common.TopicPartition(topic, i.partition()))
              .toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<org.apache.kafka.common.TopicPartition, Long> end = c.endOffsets(parts);
      while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
        for (ConsumerRecord<String, T> r : c.poll(Duration.ofMillis(200))) {
          if (r.value() != null) {
            out.add(r.value());
          }
        }
      }
    }
    return out;
  }
}
