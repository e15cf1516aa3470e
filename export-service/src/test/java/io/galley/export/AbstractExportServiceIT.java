package io.galley.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.events.EditionEvent;
import io.galley.events.EditionFailed;
import io.galley.events.EditionFormat;
import io.galley.events.EditionPublished;
import io.galley.events.EventHeaders;
import io.galley.events.EventJson;
import io.galley.events.RenderedChapter;
import io.galley.events.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The export service on a real broker: manifest, chapters and assets in, editions out. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=export-service",
      "galley.export.site-base-url=http://site.test",
      "galley.export.build.max-chapter-chars=200000"
    })
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractExportServiceIT {

  static final String BOOK = "it-guide";
  static final String COMMIT = "abcdef0123456789abcdef0123456789abcdef01";

  @LocalServerPort int port;

  @org.springframework.beans.factory.annotation.Autowired io.galley.blob.BlobStore blobs;

  final HttpClient http = HttpClient.newHttpClient();

  abstract String bootstrapServers();

  @Test
  void buildsPdfAndEpubEditionsAndServesThem(CapturedOutput output) throws Exception {
    CommitIngested manifest = Books.goGuide(BOOK, COMMIT, Instant.parse("2026-05-01T08:00:00Z"));
    List<RenderedChapter> chapters = new ArrayList<>(Books.rendered(manifest));
    storeImages(manifest);
    try (KafkaProducer<String, byte[]> producer = producer()) {
      producer.send(
          new ProducerRecord<>(
              Topics.RECENT_COMMITS,
              Topics.commitKey(BOOK, manifest.commit()),
              EventJson.toBytes(manifest)));
      for (int i = chapters.size() - 1; i >= 0; i--) {
        RenderedChapter c = chapters.get(i);
        producer.send(new ProducerRecord<>(Topics.RENDERED, c.key(), EventJson.toBytes(c)));
      }
      EditionPublished html =
          new EditionPublished(
              "0123456789abcdef0123456789abcdef",
              BOOK,
              COMMIT,
              EditionFormat.HTML,
              "ff".repeat(32),
              1234,
              null,
              manifest.committedAt(),
              5,
              "/books/" + BOOK + "/");
      producer.send(
          new ProducerRecord<>(Topics.EDITIONS, html.editionId(), EventJson.toBytes(html)));
    }

    Map<EditionFormat, EditionPublished> published = awaitEditions();
    EditionPublished pdf = published.get(EditionFormat.PDF);
    assertThat(pdf.pages()).isGreaterThanOrEqualTo(6);
    assertThat(pdf.downloadPath()).isEqualTo("/editions/" + pdf.editionId() + ".pdf");
    assertThat(published.get(EditionFormat.EPUB).builtAt()).isEqualTo(manifest.committedAt());

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode list = EventJson.mapper().readTree(get("/api/editions", Map.of()).body());
              List<String> urls = new ArrayList<>();
              list.forEach(e -> urls.add(e.get("url").asString()));
              assertThat(urls).contains(pdf.downloadPath(), "http://site.test/books/" + BOOK + "/");
            });

    HttpResponse<byte[]> download = get("/books/" + BOOK + "/latest.pdf", Map.of());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("ETag")).hasValue("\"" + pdf.sha256() + "\"");
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("attachment", BOOK + "-abcdef0.pdf");
    try (PDDocument doc = Loader.loadPDF(download.body())) {
      assertThat(doc.getNumberOfPages()).isEqualTo(pdf.pages());
    }
    HttpResponse<byte[]> range =
        get("/books/" + BOOK + "/latest.pdf", Map.of("Range", "bytes=0-99"));
    assertThat(range.statusCode()).isEqualTo(206);
    assertThat(range.body()).hasSize(100);
    assertThat(range.headers().firstValue("Content-Range")).hasValue("bytes 0-99/" + pdf.bytes());
    HttpResponse<byte[]> cached =
        get("/books/" + BOOK + "/latest.pdf", Map.of("If-None-Match", "\"" + pdf.sha256() + "\""));
    assertThat(cached.statusCode()).isEqualTo(304);
    HttpResponse<byte[]> byId = get(pdf.downloadPath(), Map.of());
    assertThat(byId.statusCode()).isEqualTo(200);
    assertThat(byId.body()).isEqualTo(download.body());
    HttpResponse<byte[]> epub = get("/books/" + BOOK + "/latest.epub", Map.of());
    assertThat(epub.statusCode()).isEqualTo(200);
    assertThat(epub.body()).hasSize((int) published.get(EditionFormat.EPUB).bytes());
    HttpResponse<byte[]> missing = get("/books/no-such-book/latest.pdf", Map.of());
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(new String(missing.body())).contains("\"status\":404");
    assertThat(new String(get("/", Map.of()).body()))
        .contains(BOOK, "/books/" + BOOK + "/latest.epub");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              org.jsoup.nodes.Element row =
                  org.jsoup.Jsoup.parse(new String(get("/", Map.of()).body()))
                      .getElementById("c-" + BOOK + "-" + COMMIT);
              assertThat(row).as("the commit's history row").isNotNull();
              assertThat(row.select("td[data-format] .state").eachText())
                  .containsExactly("✓ published", "✓ published", "✓ published");
              assertThat(row.select("td[data-format=PDF] a").attr("href"))
                  .isEqualTo(pdf.downloadPath());
            });
    assertThat(new String(get("/actuator/health/readiness", Map.of()).body())).contains("\"UP\"");
    assertThat(new String(get("/actuator/prometheus", Map.of()).body()))
        .contains("galley_export_duration_seconds_bucket{format=\"PDF\"")
        .contains("galley_export_duration_seconds_bucket{format=\"EPUB\"")
        .contains("galley_edition_latency_seconds_bucket{format=\"PDF\"")
        .containsPattern("galley_edition_latency_seconds_count\\{format=\"PDF\"\\} [1-9]")
        .containsPattern("galley_edition_latency_seconds_count\\{format=\"EPUB\"\\} [1-9]")
        .containsPattern("galley_export_duration_seconds_count\\{format=\"PDF\"\\} [1-9]")
        .containsPattern("galley_edition_bytes_count\\{format=\"EPUB\"\\} [1-9]")
        .contains("kafka_consumer_fetch_manager_records_lag_max");
    // the build thread's log lines name its trace and, from the baggage, the commit
    assertThat(output.getOut().lines())
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("built PDF")
                    .containsPattern("\\[[0-9a-f]{32}," + COMMIT + "\\]"));
  }

  @Test
  void sendsAnUnreadableCommitToTheDeadLetterTopic() throws Exception {
    String key = Topics.commitKey("broken-book-" + port, "c");
    try (KafkaProducer<String, byte[]> producer = producer()) {
      producer.send(new ProducerRecord<>(Topics.RECENT_COMMITS, key, "{not json".getBytes())).get();
    }
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.DLT).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<String> errors = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                  if (key.equals(record.key())) {
                    assertThat(new String(record.value())).isEqualTo("{not json");
                    assertThat(EventHeaders.get(record.headers(), EventHeaders.DLT_ORIGIN))
                        .startsWith(Topics.RECENT_COMMITS);
                    errors.add(EventHeaders.get(record.headers(), EventHeaders.DLT_EXCEPTION));
                  }
                }
                return !errors.isEmpty();
              });
      assertThat(errors.get(0)).isNotBlank();
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(new String(get("/actuator/prometheus", Map.of()).body()))
                    .contains("galley_dlt_records_total{topic=\"guide.recent-commits.v1\""));
  }

  @Test
  void aChapterOverItsBudgetFailsThatEditionWithTheReasonAndTheNextCommitBuilds() throws Exception {
    String book = "budget-book";
    CommitIngested first =
        Books.goGuide(book, "1".repeat(40), Instant.parse("2026-05-02T08:00:00Z"));
    List<RenderedChapter> chapters = new ArrayList<>(Books.rendered(first));
    RenderedChapter intro = chapters.get(0);
    chapters.set(
        0,
        withXhtml(
            intro, intro.sourceSha256(), intro.xhtml() + "<p>" + "x".repeat(250_000) + "</p>"));
    List<ChapterEntry> entries = new ArrayList<>(first.chapters());
    entries.set(0, new ChapterEntry(intro.docId(), "9".repeat(64), entries.get(0).title()));
    CommitIngested second =
        new CommitIngested(
            book,
            "2".repeat(40),
            first.commit(),
            first.author(),
            "Shorten the introduction",
            Instant.parse("2026-05-02T09:00:00Z"),
            first.book(),
            entries,
            first.assets(),
            List.of(intro.docId()),
            List.of(),
            false,
            List.of());
    try (KafkaProducer<String, byte[]> producer = producer()) {
      send(producer, first, chapters);
    }
    List<EditionFailed> failures = new ArrayList<>();
    awaitEvents(
        e -> {
          if (e instanceof EditionFailed f && f.commit().equals(first.commit())) {
            failures.add(f);
          }
          return failures.size() == 2;
        });
    assertThat(failures)
        .extracting(EditionFailed::error)
        .allSatisfy(
            reason ->
                assertThat(reason)
                    .matches(
                        "chapter 'intro' is [0-9,]+ characters of rendered XHTML, over"
                            + " galley.export.build.max-chapter-chars \\(200,000\\)"));

    try (KafkaProducer<String, byte[]> producer = producer()) {
      send(producer, second, List.of(withXhtml(intro, "9".repeat(64), intro.xhtml())));
    }
    Set<EditionFormat> built = new HashSet<>();
    awaitEvents(
        e -> {
          if (e instanceof EditionPublished p && p.commit().equals(second.commit())) {
            built.add(p.format());
          }
          return built.size() == 2;
        });
    JsonNode list = EventJson.mapper().readTree(get("/api/editions", Map.of()).body());
    List<String> failedReasons = new ArrayList<>();
    list.forEach(
        e -> {
          if (e.get("commit").asString().equals(first.commit())) {
            assertThat(e.get("state").asString()).isEqualTo("failed");
            failedReasons.add(e.get("reason").asString());
          }
        });
    assertThat(failedReasons).hasSize(2).allMatch(r -> r.startsWith("chapter 'intro' is"));
    assertThat(new String(get("/actuator/health/readiness", Map.of()).body())).contains("\"UP\"");
  }

  private static RenderedChapter withXhtml(RenderedChapter c, String sha, String xhtml) {
    return new RenderedChapter(
        c.bookId(),
        c.docId(),
        sha,
        c.rendererVersion(),
        c.title(),
        xhtml,
        c.headings(),
        c.docRefs(),
        c.assets(),
        c.warnings());
  }

  /** Puts the book's images in the service's blob store, as ingest does before announcing it. */
  private void storeImages(CommitIngested manifest) throws java.io.IOException {
    for (var asset : manifest.assets()) {
      blobs.put(
          new java.io.ByteArrayInputStream(Books.assetBytes().get(asset.sha256())),
          asset.mediaType());
    }
  }

  private void send(
      KafkaProducer<String, byte[]> producer,
      CommitIngested manifest,
      List<RenderedChapter> chapters)
      throws Exception {
    storeImages(manifest);
    for (RenderedChapter c : chapters) {
      producer.send(new ProducerRecord<>(Topics.RENDERED, c.key(), EventJson.toBytes(c))).get();
    }
    producer
        .send(
            new ProducerRecord<>(
                Topics.RECENT_COMMITS,
                Topics.commitKey(manifest.bookId(), manifest.commit()),
                EventJson.toBytes(manifest)))
        .get();
  }

  private void awaitEvents(java.util.function.Predicate<EditionEvent> done) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.EDITIONS).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      boolean[] finished = {false};
      await()
          .atMost(Duration.ofSeconds(120))
          .until(
              () -> {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                  finished[0] |= done.test(EventJson.fromBytes(record.value(), EditionEvent.class));
                }
                return finished[0];
              });
    }
  }

  private Map<EditionFormat, EditionPublished> awaitEditions() {
    Map<EditionFormat, EditionPublished> found = new HashMap<>();
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.EDITIONS).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      await()
          .atMost(Duration.ofSeconds(120))
          .until(
              () -> {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                  EditionEvent event = EventJson.fromBytes(record.value(), EditionEvent.class);
                  assertThat(record.key()).isEqualTo(event.editionId());
                  if (event instanceof EditionPublished p
                      && p.bookId().equals(BOOK)
                      && p.format() != EditionFormat.HTML) {
                    assertThat(EventHeaders.get(record.headers(), EventHeaders.TYPE))
                        .isEqualTo("EditionPublished");
                    found.put(p.format(), p);
                  }
                }
                return found.size() == 2;
              });
    }
    return found;
  }

  private KafkaProducer<String, byte[]> producer() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    // as ingest and render do: all of a book's records in its partition, in order
    props.put(
        ProducerConfig.PARTITIONER_CLASS_CONFIG, io.galley.kafka.BookPartitioner.class.getName());
    return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  private HttpResponse<byte[]> get(String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
