package io.galley.export.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.galley.blob.DirectoryBlobStore;
import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.events.EditionEvent;
import io.galley.events.EditionFormat;
import io.galley.events.EditionPublished;
import io.galley.events.EventJson;
import io.galley.events.RenderedChapter;
import io.galley.events.Topics;
import io.galley.export.Books;
import io.galley.export.ExportApplication;
import io.galley.export.history.CommitEntry;
import io.galley.export.history.EditionHistory;
import io.galley.export.history.FormatState;
import io.galley.kafka.BookPartitioner;
import io.galley.testsupport.KafkaBroker;
import io.galley.testsupport.PartitionSplit;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two export instances in one consumer group on a real broker: each book's commits and rendered
 * chapters are joined by one instance only; when one instance stops, the other takes its books
 * over, does not build their editions again, and builds their next commit once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportOwnershipIT {

  private static final int PARTITIONS = 3; // as KafkaBroker creates Galley's topics

  @TempDir static Path state;
  private String bootstrap;
  private KafkaProducer<String, Object> producer;
  private DirectoryBlobStore blobs;
  private final List<ConfigurableApplicationContext> apps = new ArrayList<>();
  private final String run = UUID.randomUUID().toString().substring(0, 6);
  private String bookA;
  private String bookB;

  @BeforeAll
  void start() throws Exception {
    bootstrap = KafkaBroker.EMBEDDED.bootstrapServers();
    bookA = bookOn(0); // with two members the range assignor gives partitions 0-1 and 2
    bookB = bookOn(2);
    blobs = new DirectoryBlobStore(state.resolve("blobs"));
    // the book's images are in the shared store before its commits, as ingest puts them
    for (var asset : Books.goGuide(bookA, commit(1), Instant.EPOCH).assets()) {
      blobs.put(
          new ByteArrayInputStream(Books.assetBytes().get(asset.sha256())), asset.mediaType());
    }
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.PARTITIONER_CLASS_CONFIG,
                BookPartitioner.class.getName()),
            new StringSerializer(),
            (t, v) -> EventJson.toBytes(v));
  }

  private String bookOn(int partition) {
    for (int i = 0; ; i++) {
      String id = "own-" + run + "-" + i;
      if (BookPartitioner.partitionOf(id, PARTITIONS) == partition) {
        return id;
      }
    }
  }

  @AfterAll
  void stop() {
    apps.forEach(ConfigurableApplicationContext::close);
    if (producer != null) {
      producer.close();
    }
  }

  private ConfigurableApplicationContext startInstance(String name) {
    ConfigurableApplicationContext app =
        ExportApplication.builder()
            .run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--galley.export.state-dir=" + state.resolve(name),
                "--galley.blob.directory=" + state.resolve("blobs"));
    apps.add(app);
    return app;
  }

  private static Set<Integer> owned(ConfigurableApplicationContext app) {
    return app.getBean(BookRecordsListener.class).owned();
  }

  private static Set<String> books(ConfigurableApplicationContext app) {
    return app.getBean(ManifestJoin.class).books();
  }

  @Test
  void ownsWholeBooksAndHandsThemOverWithoutBuildingAnEditionTwice() throws Exception {
    ConfigurableApplicationContext one = startInstance("one");
    ConfigurableApplicationContext two = startInstance("two");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> PartitionSplit.between(owned(one), owned(two), PARTITIONS));

    publish(bookA, 1);
    publish(bookB, 1);
    awaitEditions(bookA, commit(1));
    awaitEditions(bookB, commit(1));
    ConfigurableApplicationContext ownerOfA = owned(one).contains(0) ? one : two;
    ConfigurableApplicationContext ownerOfB = ownerOfA == one ? two : one;
    assertThat(books(ownerOfA)).contains(bookA).doesNotContain(bookB);
    assertThat(books(ownerOfB)).contains(bookB).doesNotContain(bookA);
    // the portal of either instance shows both books whole: a commit of the book it does not own
    // with its manifest and author (not only its editions) and the chapter texts diffs compare
    assertPortalKnows(ownerOfA, bookB);
    assertPortalKnows(ownerOfB, bookA);

    ownerOfA.close();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> owned(ownerOfB).size() == PARTITIONS && books(ownerOfB).contains(bookA));

    publish(bookA, 2);
    awaitEditions(bookA, commit(2));

    // every (commit, format) was published once: the new owner did not build commit 1 again
    Map<String, Long> perEdition =
        editions().stream()
            .filter(e -> e.bookId().equals(bookA) || e.bookId().equals(bookB))
            .collect(
                Collectors.groupingBy(
                    e -> e.bookId() + "@" + e.commit() + " " + e.format(), Collectors.counting()));
    assertThat(perEdition)
        .hasSize(6)
        .allSatisfy((edition, n) -> assertThat(n).as(edition).isEqualTo(1L));
  }

  private void assertPortalKnows(ConfigurableApplicationContext app, String bookId) {
    EditionHistory history = app.getBean(EditionHistory.class);
    CommitIngested manifest = Books.goGuide(bookId, commit(1), Instant.EPOCH);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              CommitEntry entry = history.find(bookId, commit(1)).orElseThrow();
              assertThat(entry.manifest()).isNotNull();
              assertThat(entry.author()).isEqualTo(manifest.author());
              assertThat(entry.status(EditionFormat.PDF).orElseThrow().state())
                  .isEqualTo(FormatState.PUBLISHED);
              for (ChapterEntry chapter : manifest.chapters()) {
                assertThat(history.chapter(bookId, chapter.docId(), chapter.sha256()))
                    .as(chapter.docId())
                    .isPresent();
              }
            });
  }

  private static String commit(int n) {
    return String.format("%040d", n);
  }

  private void publish(String bookId, int n) throws Exception {
    CommitIngested manifest =
        Books.goGuide(bookId, commit(n), Instant.parse("2026-05-01T08:00:00Z").plusSeconds(n));
    for (RenderedChapter c : Books.rendered(manifest)) {
      producer.send(new ProducerRecord<>(Topics.RENDERED, c.key(), c)).get();
    }
    producer
        .send(
            new ProducerRecord<>(
                Topics.RECENT_COMMITS, Topics.commitKey(bookId, manifest.commit()), manifest))
        .get();
  }

  private void awaitEditions(String bookId, String commit) {
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                editions().stream()
                        .filter(e -> e.bookId().equals(bookId) && e.commit().equals(commit))
                        .count()
                    >= 2);
  }

  /** The PDF and EPUB editions published, every record (duplicates included). */
  private List<EditionPublished> editions() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    List<EditionPublished> out = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> c =
        new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts =
          c.partitionsFor(Topics.EDITIONS).stream()
              .map(i -> new TopicPartition(Topics.EDITIONS, i.partition()))
              .toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts);
      while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
        for (var r : c.poll(Duration.ofMillis(200))) {
          if (r.value() != null
              && EventJson.fromBytes(r.value(), EditionEvent.class) instanceof EditionPublished e
              && e.format() != EditionFormat.HTML) {
            out.add(e);
          }
        }
      }
    }
    return out;
  }
}
