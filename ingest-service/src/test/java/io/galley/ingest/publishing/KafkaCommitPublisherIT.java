package io.galley.ingest.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.galley.blob.BlobRef;
import io.galley.blob.BlobStore;
import io.galley.blob.DirectoryBlobStore;
import io.galley.events.AssetRef;
import io.galley.events.BookMetadata;
import io.galley.events.ChapterEntry;
import io.galley.events.CommitEvent;
import io.galley.events.CommitIngested;
import io.galley.events.CommitRejected;
import io.galley.events.Digests;
import io.galley.events.EventJson;
import io.galley.events.Problem;
import io.galley.events.SourceDocument;
import io.galley.events.Topics;
import io.galley.ingest.TopicReader;
import io.galley.ingest.book.Asset;
import io.galley.ingest.commits.CommitLog;
import io.galley.kafka.BookPartitioner;
import io.galley.testsupport.KafkaBroker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** A commit's records are published all or nothing, and only after its images are stored. */
class KafkaCommitPublisherIT {

  private final String bootstrap = KafkaBroker.selected().bootstrapServers();

  @TempDir Path blobs;

  private static DefaultKafkaProducerFactory<String, byte[]> producers(
      String bootstrap, String prefix) {
    DefaultKafkaProducerFactory<String, byte[]> factory =
        new DefaultKafkaProducerFactory<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                40 * 1024 * 1024,
                ProducerConfig.PARTITIONER_CLASS_CONFIG, // as ingest-service.yml sets it
                BookPartitioner.class.getName()),
            new StringSerializer(),
            new ByteArraySerializer());
    factory.setTransactionIdPrefix(prefix);
    return factory;
  }

  private static CommitIngested manifest(String bookId, String commit, List<AssetRef> assets) {
    return new CommitIngested(
        bookId,
        commit,
        null,
        "Ada <a@x>",
        "m",
        Instant.parse("2026-01-01T00:00:00Z"),
        new BookMetadata(bookId, "T", null, null, null, null, null, null, null, null),
        List.of(new ChapterEntry("a", "f".repeat(64), "A")),
        assets,
        List.of("a"),
        List.of(),
        true,
        List.of());
  }

  private static SourceDocument doc(String bookId, String commit, String markdown) {
    return new SourceDocument(
        bookId, "a", "a.md", commit, "f".repeat(64), Map.of(), markdown, 0, List.of());
  }

  @Test
  void failedTransactionLeavesNothingVisibleToReadCommittedConsumers() throws Exception {
    DefaultKafkaProducerFactory<String, byte[]> factory =
        producers(bootstrap, "galley-ingest-publisher-it-");
    KafkaCommitPublisher publisher =
        new KafkaCommitPublisher(new KafkaTemplate<>(factory), new DirectoryBlobStore(blobs));
    String bookId = "atomic-" + Long.toHexString(System.nanoTime());
    String commit = Digests.sha256Hex(bookId).substring(0, 40);
    // larger than the broker accepts (message.max.bytes, 1 MB): refused, the transaction aborts
    SourceDocument huge = doc(bookId, commit, "x".repeat(2 * 1024 * 1024));

    assertThatThrownBy(
            () ->
                publisher.publishIngested(
                    manifest(bookId, commit, List.of()), List.of(huge), List.of(), List.of()))
        .isInstanceOf(RuntimeException.class);

    assertThat(TopicReader.readAll(bootstrap, Topics.SOURCE))
        .noneMatch(r -> r.key().startsWith(bookId + "/"));
    assertThat(TopicReader.readAll(bootstrap, Topics.COMMITS))
        .noneMatch(r -> bookId.equals(r.key()));

    // the same publisher recovers for the next commit, which is visible as a whole
    SourceDocument doc = doc(bookId, commit, "# A\n");
    publisher.publishIngested(
        manifest(bookId, commit, List.of()), List.of(doc), List.of(), List.of());
    assertThat(TopicReader.readAll(bootstrap, Topics.SOURCE))
        .anyMatch(r -> r.key().equals(bookId + "/a"));
    assertThat(TopicReader.readAll(bootstrap, Topics.COMMITS))
        .filteredOn(r -> bookId.equals(r.key()))
        .extracting(r -> EventJson.fromBytes(r.value(), CommitIngested.class).commit())
        .containsExactly(commit);
    factory.destroy();
  }

  @Test
  void storesImagesBeforeAnnouncingAndAnnouncesNothingWhenTheStoreFails() throws Exception {
    DefaultKafkaProducerFactory<String, byte[]> factory =
        producers(bootstrap, "galley-ingest-publisher-blob-it-");
    byte[] png = new byte[3 * 1024 * 1024]; // bigger than any Kafka record the broker takes
    png[0] = 42;
    AssetRef ref = new AssetRef("big.png", Digests.sha256Hex(png), "image/png");
    String bookId = "claim-" + Long.toHexString(System.nanoTime());
    String commit = Digests.sha256Hex(bookId).substring(0, 40);
    CommitIngested m = manifest(bookId, commit, List.of(ref));

    // a store that refuses every write, as a full disk or an unreachable bucket would
    KafkaCommitPublisher failing =
        new KafkaCommitPublisher(
            new KafkaTemplate<>(factory), new RefusingStore(new DirectoryBlobStore(blobs)));
    assertThatThrownBy(
            () ->
                failing.publishIngested(
                    m,
                    List.of(doc(bookId, commit, "# A\n")),
                    List.of(new Asset(ref, png)),
                    List.of()))
        .hasMessageContaining("big.png");
    assertThat(TopicReader.readAll(bootstrap, Topics.COMMITS))
        .as("no manifest announces an image that is not stored")
        .noneMatch(r -> bookId.equals(r.key()));

    DirectoryBlobStore store = new DirectoryBlobStore(blobs);
    new KafkaCommitPublisher(new KafkaTemplate<>(factory), store)
        .publishIngested(
            m, List.of(doc(bookId, commit, "# A\n")), List.of(new Asset(ref, png)), List.of());
    try (InputStream in = store.open(ref.sha256())) {
      assertThat(in.readAllBytes()).isEqualTo(png);
    }
    assertThat(TopicReader.readAll(bootstrap, Topics.COMMITS))
        .anyMatch(r -> bookId.equals(r.key()));
    factory.destroy();
  }

  @Test
  void decisionsGoToTheLogAndToTheWindowWhichRetiresABooksOlderOnesWithTombstones()
      throws Exception {
    DefaultKafkaProducerFactory<String, byte[]> factory =
        producers(bootstrap, "galley-ingest-publisher-window-it-");
    KafkaBroker.createTopics(bootstrap); // with its several partitions, if no test made it yet
    KafkaCommitPublisher publisher =
        new KafkaCommitPublisher(new KafkaTemplate<>(factory), new DirectoryBlobStore(blobs));
    String bookId = "window-" + Long.toHexString(System.nanoTime());
    CommitLog log = new CommitLog(2);
    List<CommitEvent> decisions =
        List.of(
            manifest(bookId, "c1", List.of()),
            rejected(bookId, "c2"),
            manifest(bookId, "c3", List.of()),
            rejected(bookId, "c4"),
            rejected(bookId, "c5"));
    for (CommitEvent decision : decisions) {
      List<String> retired = log.retiredBy(decision);
      if (decision instanceof CommitIngested m) {
        publisher.publishIngested(m, List.of(doc(bookId, m.commit(), "# A\n")), List.of(), retired);
      } else {
        publisher.publishRejected((CommitRejected) decision, retired);
      }
      log.record(decision);
    }

    assertThat(TopicReader.readAll(bootstrap, Topics.COMMITS))
        .as("the whole log keeps every decision")
        .filteredOn(r -> bookId.equals(r.key()))
        .hasSize(5);
    List<ConsumerRecord<String, byte[]>> window =
        TopicReader.readAll(bootstrap, Topics.RECENT_COMMITS).stream()
            .filter(r -> r.key().startsWith(bookId + "/"))
            .toList();
    // c3 made c1 (an older manifest) leave; c4 made c2 leave; c5 keeps c3, the last manifest
    assertThat(window)
        .extracting(r -> r.key().substring(bookId.length() + 1) + (r.value() == null ? "-" : "+"))
        .containsExactly("c1+", "c2+", "c3+", "c1-", "c4+", "c2-", "c5+", "c4-");
    int partitions;
    try (org.apache.kafka.clients.admin.Admin admin =
        org.apache.kafka.clients.admin.Admin.create(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      partitions =
          admin
              .describeTopics(List.of(Topics.RECENT_COMMITS))
              .allTopicNames()
              .get()
              .get(Topics.RECENT_COMMITS)
              .partitions()
              .size();
    }
    assertThat(window)
        .as("tombstones land in the book's partition, where compaction can drop the records")
        .allMatch(r -> r.partition() == BookPartitioner.partitionOf(bookId, partitions));
    assertThat(log.newestFirst()).extracting(CommitEvent::commit).containsExactly("c5", "c3");
    factory.destroy();
  }

  private static CommitRejected rejected(String bookId, String commit) {
    return new CommitRejected(
        bookId,
        commit,
        "Ada <a@x>",
        "m",
        Instant.parse("2026-01-01T00:00:00Z"),
        List.of(Problem.error("a.md", 1, "broken")));
  }

  /** A real directory store whose puts fail. */
  private record RefusingStore(BlobStore store) implements BlobStore {
    @Override
    public BlobRef put(InputStream content, String mediaType) throws IOException {
      throw new IOException("disk full");
    }

    @Override
    public InputStream open(String sha256) throws IOException {
      return store.open(sha256);
    }

    @Override
    public InputStream open(String sha256, io.galley.blob.ByteRange range) throws IOException {
      return store.open(sha256, range);
    }

    @Override
    public java.util.Optional<BlobRef> stat(String sha256) throws IOException {
      return store.stat(sha256);
    }

    @Override
    public boolean delete(String sha256) throws IOException {
      return store.delete(sha256);
    }
  }
}
