package io.galley.render.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.galley.events.BookMetadata;
import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.events.Digests;
import io.galley.events.EditionEvent;
import io.galley.events.EditionPublished;
import io.galley.events.EventDeserializer;
import io.galley.events.EventJson;
import io.galley.events.SourceDocument;
import io.galley.events.Topics;
import io.galley.kafka.BookPartitioner;
import io.galley.render.RenderApplication;
import io.galley.render.build.ManifestJoin;
import io.galley.testsupport.KafkaBroker;
import io.galley.testsupport.PartitionSplit;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two render instances in one consumer group on a real broker: each book's sources and commits are
 * read by one instance only, both books are built, and when one instance stops the other takes its
 * books over and builds their next commit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RenderOwnershipIT {

  private static final int PARTITIONS = 3; // as KafkaBroker creates Galley's topics

  @TempDir Path state;
  private String bootstrap;
  private KafkaProducer<String, Object> producer;
  private final List<ConfigurableApplicationContext> apps = new ArrayList<>();
  private final String run = UUID.randomUUID().toString().substring(0, 6);
  private String bookA;
  private String bookB;

  @BeforeAll
  void start() {
    bootstrap = KafkaBroker.EMBEDDED.bootstrapServers();
    // two books on partitions 0 and 2: with two members the range assignor gives 0-1 and 2
    bookA = bookOn(0);
    bookB = bookOn(2);
    Map<String, Object> props =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.PARTITIONER_CLASS_CONFIG,
            BookPartitioner.class.getName());
    producer = new KafkaProducer<>(props, new StringSerializer(), (t, v) -> EventJson.toBytes(v));
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
        RenderApplication.builder()
            .run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--galley.render.state-dir=" + state.resolve(name),
                "--galley.blob.directory=" + state.resolve("blobs"), // shared, as in a cluster
                "--galley.render.warm-up=false");
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
  void ownsWholeBooksAndHandsThemOverWhenAnInstanceStops() throws Exception {
    ConfigurableApplicationContext one = startInstance("one");
    ConfigurableApplicationContext two = startInstance("two");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> PartitionSplit.between(owned(one), owned(two), PARTITIONS));
    assertThat(owned(one)).doesNotContainAnyElementsOf(owned(two));

    publishCommit(bookA, "a1", "# A\n\nFirst.\n");
    publishCommit(bookB, "b1", "# B\n\nFirst.\n");
    awaitEdition(bookA, commit("a1"));
    awaitEdition(bookB, commit("b1"));

    // each book's records reached one instance only
    ConfigurableApplicationContext ownerOfA = owned(one).contains(0) ? one : two;
    ConfigurableApplicationContext ownerOfB = ownerOfA == one ? two : one;
    assertThat(owned(ownerOfB)).contains(2);
    assertThat(books(ownerOfA)).contains(bookA).doesNotContain(bookB);
    assertThat(books(ownerOfB)).contains(bookB).doesNotContain(bookA);
    // and what render published of a book (chapters, editions) is on the book's partition
    assertThat(partitionsOf(Topics.RENDERED, bookA)).containsExactly(0);
    assertThat(partitionsOf(Topics.EDITIONS, bookA)).containsExactly(0);
    assertThat(partitionsOf(Topics.RENDERED, bookB)).containsExactly(2);

    ownerOfA.close();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> owned(ownerOfB).size() == PARTITIONS && books(ownerOfB).contains(bookA));

    publishCommit(bookA, "a2", "# A\n\nSecond.\n");
    publishCommit(bookB, "b2", "# B\n\nSecond.\n");
    awaitEdition(bookA, commit("a2"));
    awaitEdition(bookB, commit("b2"));

    // each commit's HTML edition was published once: the new owner did not build a1 again
    Map<String, Long> publishedPerCommit =
        editions().stream()
            .filter(e -> e.bookId().equals(bookA) || e.bookId().equals(bookB))
            .collect(
                Collectors.groupingBy(e -> e.bookId() + "@" + e.commit(), Collectors.counting()));
    assertThat(publishedPerCommit)
        .containsOnlyKeys(
            bookA + "@" + commit("a1"),
            bookA + "@" + commit("a2"),
            bookB + "@" + commit("b1"),
            bookB + "@" + commit("b2"))
        .allSatisfy((commit, n) -> assertThat(n).as(commit).isEqualTo(1L));
  }

  private static String commit(String name) {
    return Digests.sha256Hex(name).substring(0, 40);
  }

  private void publishCommit(String bookId, String name, String markdown) throws Exception {
    String sha = Digests.sha256Hex(markdown);
    SourceDocument intro =
        new SourceDocument(
            bookId, "intro", "intro.md", commit(name), sha, Map.of(), markdown, 0, List.of());
    CommitIngested manifest =
        new CommitIngested(
            bookId,
            commit(name),
            null,
            "Ann",
            "edit " + name,
            Instant.parse("2026-01-01T10:00:00Z").plusSeconds(name.hashCode() & 0xffff),
            new BookMetadata(bookId, "Book", null, null, "en", null, null, null, null, null),
            List.of(new ChapterEntry("intro", sha, "Intro")),
            List.of(),
            List.of("intro"),
            List.of(),
            true,
            List.of());
    producer.send(new ProducerRecord<>(Topics.SOURCE, intro.key(), intro)).get();
    producer
        .send(
            new ProducerRecord<>(
                Topics.RECENT_COMMITS, Topics.commitKey(bookId, manifest.commit()), manifest))
        .get();
  }

  private void awaitEdition(String bookId, String commit) {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                editions().stream()
                    .anyMatch(e -> e.bookId().equals(bookId) && e.commit().equals(commit)));
  }

  private List<EditionPublished> editions() {
    List<EditionPublished> out = new ArrayList<>();
    for (ConsumerRecord<String, EditionEvent> r :
        readAll(Topics.EDITIONS, new EventDeserializer<>(EditionEvent.class))) {
      if (r.value() instanceof EditionPublished p) {
        out.add(p);
      }
    }
    return out;
  }

  private Set<Integer> partitionsOf(String topic, String bookId) {
    Set<Integer> out = new HashSet<>();
    for (ConsumerRecord<String, String> r : readAll(topic, new StringDeserializer())) {
      if (r.value() != null && r.value().contains("\"bookId\":\"" + bookId + "\"")) {
        out.add(r.partition());
      }
    }
    return out;
  }

  private <T> List<ConsumerRecord<String, T>> readAll(
      String topic, org.apache.kafka.common.serialization.Deserializer<T> values) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<String, T>> out = new ArrayList<>();
    try (KafkaConsumer<String, T> c = new KafkaConsumer<>(p, new StringDeserializer(), values)) {
      List<TopicPartition> parts =
          c.partitionsFor(topic).stream()
              .map(i -> new TopicPartition(topic, i.partition()))
              .toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts);
      while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
        c.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }
}
