package io.galley.ingest.publishing;

import io.galley.events.CommitEvent;
import io.galley.events.CommitIngested;
import io.galley.events.CommitRejected;
import io.galley.events.Digests;
import io.galley.events.EventHeaders;
import io.galley.events.EventJson;
import io.galley.events.SourceDocument;
import io.galley.events.Topics;
import io.galley.events.Traceparent;
import io.galley.ingest.book.Asset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes a commit's records in one Kafka transaction through a transactional template, so a
 * read_committed consumer sees a manifest together with its sources and assets, or none of them.
 */
@Component
class KafkaCommitPublisher implements CommitPublisher {

  static final String SERVICE = "ingest-service";

  private final KafkaTemplate<String, byte[]> template;
  private final Set<String> publishedAssets = ConcurrentHashMap.newKeySet();

  KafkaCommitPublisher(KafkaTemplate<String, byte[]> template) {
    this.template = template;
  }

  @Override
  public void publishIngested(
      CommitIngested manifest, List<SourceDocument> sources, Collection<Asset> assets) {
    String commit = manifest.commit();
    List<String> sent = new ArrayList<>();
    template.executeInTransaction(
        ops -> {
          for (SourceDocument doc : sources) {
            send(
                ops,
                Topics.SOURCE,
                doc.key(),
                EventJson.toBytes(doc),
                "SourceDocument",
                commit,
                null);
          }
          for (String docId : manifest.deleted()) {
            send(
                ops,
                Topics.SOURCE,
                Topics.documentKey(manifest.bookId(), docId),
                null,
                "SourceDocumentDeleted",
                commit,
                null);
          }
          for (Asset asset : assets) {
            String sha = asset.ref().sha256();
            if (!publishedAssets.contains(sha)) {
              send(
                  ops, Topics.ASSETS, sha, asset.bytes(), "Asset", commit, asset.ref().mediaType());
              sent.add(sha);
            }
          }
          sendEvent(ops, manifest);
          return null;
        });
    publishedAssets.addAll(sent);
  }

  @Override
  public void publishRejected(CommitRejected rejected) {
    template.executeInTransaction(
        ops -> {
          sendEvent(ops, rejected);
          return null;
        });
  }

  private static void sendEvent(KafkaOperations<String, byte[]> ops, CommitEvent event) {
    send(
        ops,
        Topics.COMMITS,
        event.bookId(),
        EventJson.toBytes(event),
        event.getClass().getSimpleName(),
        event.commit(),
        null);
  }

  private static void send(
      KafkaOperations<String, byte[]> ops,
      String topic,
      String key,
      byte[] value,
      String type,
      String commit,
      String contentType) {
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
    EventHeaders.put(record.headers(), EventHeaders.TYPE, type);
    EventHeaders.put(
        record.headers(),
        EventHeaders.ID,
        Digests.sha256Hex(type + "\n" + topic + "\n" + key + "\n" + commit));
    EventHeaders.put(record.headers(), EventHeaders.SOURCE, SERVICE);
    EventHeaders.put(
        record.headers(), EventHeaders.TRACEPARENT, Traceparent.forCommit(commit, "ingest"));
    if (contentType != null) {
      EventHeaders.put(record.headers(), EventHeaders.CONTENT_TYPE, contentType);
    }
    ops.send(record);
  }
}
