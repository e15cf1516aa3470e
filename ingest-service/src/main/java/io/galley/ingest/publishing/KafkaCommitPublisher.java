package io.galley.ingest.publishing;

import io.galley.blob.BlobRef;
import io.galley.blob.BlobStore;
import io.galley.events.CommitEvent;
import io.galley.events.CommitIngested;
import io.galley.events.CommitRejected;
import io.galley.events.Digests;
import io.galley.events.EventHeaders;
import io.galley.events.EventJson;
import io.galley.events.SourceDocument;
import io.galley.events.Topics;
import io.galley.ingest.book.Asset;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes a commit's records in one Kafka transaction through a transactional template, so a
 * read_committed consumer sees a manifest together with its sources, or none of them. The images go
 * to the blob store first (claim check): a manifest is announced only once every image it names is
 * durable there.
 */
class KafkaCommitPublisher implements CommitPublisher {

  static final String SERVICE = "ingest-service";

  private final KafkaTemplate<String, byte[]> template;
  private final BlobStore blobs;

  /** Images known to be in the store; they never leave it, so a hit saves a stat. */
  private final Set<String> storedAssets = ConcurrentHashMap.newKeySet();

  KafkaCommitPublisher(KafkaTemplate<String, byte[]> template, BlobStore blobs) {
    this.template = template;
    this.blobs = blobs;
  }

  @Override
  public void publishIngested(
      CommitIngested manifest,
      List<SourceDocument> sources,
      Collection<Asset> assets,
      List<String> retired) {
    String commit = manifest.commit();
    store(assets);
    template.executeInTransaction(
        ops -> {
          for (SourceDocument doc : sources) {
            send(ops, Topics.SOURCE, doc.key(), EventJson.toBytes(doc), "SourceDocument", commit);
          }
          for (String docId : manifest.deleted()) {
            send(
                ops,
                Topics.SOURCE,
                Topics.documentKey(manifest.bookId(), docId),
                null,
                "SourceDocumentDeleted",
                commit);
          }
          sendEvent(ops, manifest, retired);
          return null;
        });
  }

  /** Puts the images not yet stored; returns once all are durable. */
  private void store(Collection<Asset> assets) {
    for (Asset asset : assets) {
      String sha = asset.ref().sha256();
      try {
        if (storedAssets.contains(sha) || blobs.exists(sha)) {
          storedAssets.add(sha);
          continue;
        }
        BlobRef ref = blobs.put(new ByteArrayInputStream(asset.bytes()), asset.ref().mediaType());
        if (!ref.sha256().equals(sha)) {
          throw new IllegalStateException(
              "image " + asset.ref().path() + " hashed to " + ref.sha256() + ", expected " + sha);
        }
        storedAssets.add(sha);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "could not store image " + asset.ref().path() + " in the blob store", e);
      }
    }
  }

  @Override
  public void publishRejected(CommitRejected rejected, List<String> retired) {
    template.executeInTransaction(
        ops -> {
          sendEvent(ops, rejected, retired);
          return null;
        });
  }

  /**
   * The decision on the whole log and on the recent-commits window, and tombstones for the window's
   * keys it retires (keyed {@code bookId/commit}, so they land in the book's partition).
   */
  private static void sendEvent(
      KafkaOperations<String, byte[]> ops, CommitEvent event, List<String> retired) {
    byte[] json = EventJson.toBytes(event);
    String type = event.getClass().getSimpleName();
    send(ops, Topics.COMMITS, event.bookId(), json, type, event.commit());
    send(
        ops,
        Topics.RECENT_COMMITS,
        Topics.commitKey(event.bookId(), event.commit()),
        json,
        type,
        event.commit());
    for (String key : retired) {
      send(ops, Topics.RECENT_COMMITS, key, null, "CommitRetired", event.commit());
    }
  }

  private static void send(
      KafkaOperations<String, byte[]> ops,
      String topic,
      String key,
      byte[] value,
      String type,
      String commit) {
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
    EventHeaders.put(record.headers(), EventHeaders.TYPE, type);
    EventHeaders.put(
        record.headers(),
        EventHeaders.ID,
        Digests.sha256Hex(type + "\n" + topic + "\n" + key + "\n" + commit));
    EventHeaders.put(record.headers(), EventHeaders.SOURCE, SERVICE);
    ops.send(record);
  }
}
