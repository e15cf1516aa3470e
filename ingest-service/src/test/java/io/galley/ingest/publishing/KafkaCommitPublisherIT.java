package io.galley.ingest.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.galley.events.AssetRef;
import io.galley.events.BookMetadata;
import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.events.Digests;
import io.galley.events.EventJson;
import io.galley.events.SourceDocument;
import io.galley.events.Topics;
import io.galley.ingest.TopicReader;
import io.galley.ingest.book.Asset;
import io.galley.testsupport.KafkaBroker;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** A commit's records are published all or nothing. */
class KafkaCommitPublisherIT {

  private final String bootstrap = KafkaBroker.selected().bootstrapServers();

  @Test
  void failedTransactionLeavesNothingVisibleToReadCommittedConsumers() {
    DefaultKafkaProducerFactory<String, byte[]> factory =
        new DefaultKafkaProducerFactory<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                40 * 1024 * 1024),
            new StringSerializer(),
            new ByteArraySerializer());
    factory.setTransactionIdPrefix("galley-ingest-publisher-it-");
    KafkaCommitPublisher publisher = new KafkaCommitPublisher(new KafkaTemplate<>(factory));
    String bookId = "atomic-" + Long.toHexString(System.nanoTime());
    String commit = Digests.sha256Hex(bookId).substring(0, 40);
    SourceDocument doc =
        new SourceDocument(
            bookId, "a", "a.md", commit, "f".repeat(64), Map.of(), "# A\n", 0, List.of());
    // larger than the assets topic accepts: the broker refuses it, so the transaction aborts
    byte[] huge = new byte[Topics.MAX_ASSET_MESSAGE_BYTES + 512 * 1024];
    AssetRef ref = new AssetRef("big.png", Digests.sha256Hex(huge), "image/png");
    CommitIngested manifest =
        new CommitIngested(
            bookId,
            commit,
            null,
            "Ada <a@x>",
            "m",
            Instant.parse("2026-01-01T00:00:00Z"),
            new BookMetadata(bookId, "T", null, null, null, null, null, null, null, null),
            List.of(new ChapterEntry("a", "f".repeat(64), "A")),
            List.of(ref),
            List.of("a"),
            List.of(),
            true,
            List.of());

    assertThatThrownBy(
            () -> publisher.publishIngested(manifest, List.of(doc), List.of(new Asset(ref, huge))))
        .isInstanceOf(RuntimeException.class);

    assertThat(TopicReader.readAll(bootstrap, Topics.SOURCE))
        .noneMatch(r -> r.key().startsWith(bookId + "/"));
    assertThat(TopicReader.readAll(bootstrap, Topics.COMMITS))
        .noneMatch(r -> bookId.equals(r.key()));

    // the same publisher recovers for the next commit, which is visible as a whole
    CommitIngested ok =
        new CommitIngested(
            bookId,
            commit,
            null,
            "Ada <a@x>",
            "m",
            manifest.committedAt(),
            manifest.book(),
            manifest.chapters(),
            List.of(),
            List.of("a"),
            List.of(),
            true,
            List.of());
    publisher.publishIngested(ok, List.of(doc), List.of());
    assertThat(TopicReader.readAll(bootstrap, Topics.SOURCE))
        .anyMatch(r -> r.key().equals(bookId + "/a"));
    assertThat(TopicReader.readAll(bootstrap, Topics.COMMITS))
        .filteredOn(r -> bookId.equals(r.key()))
        .extracting(r -> EventJson.fromBytes(r.value(), CommitIngested.class).commit())
        .containsExactly(commit);
    factory.destroy();
  }
}
