package io.galley.render.intake;

import io.galley.events.CommitIngested;
import io.galley.events.SourceDocument;
import io.galley.events.Topics;
import io.galley.kafka.CoPartitionedListener;
import io.galley.render.build.ManifestJoin;
import io.galley.render.build.RetryingBuildQueue;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The one consumer of the topics render joins, chapter sources and commits, so that this instance
 * reads partition p of both and so owns whole books. Rejected commits change no edition and are
 * ignored; a deleted chapter (tombstone) only stops being kept for later builds.
 */
@Component
class BookRecordsListener extends CoPartitionedListener {

  private final ManifestJoin join;
  private final RetryingBuildQueue queue;

  BookRecordsListener(ManifestJoin join, RetryingBuildQueue queue) {
    this.join = join;
    this.queue = queue;
  }

  @KafkaListener(
      id = "render-books",
      topics = {Topics.SOURCE, Topics.RECENT_COMMITS},
      groupId = IntakeConfiguration.GROUP,
      containerFactory = "joinListenerFactory")
  void on(ConsumerRecord<String, Object> record) {
    Object value = record.value();
    if (value instanceof SourceDocument source) {
      join.onSource(source, record.partition());
      queue.wake();
    } else if (value instanceof CommitIngested manifest) {
      join.onManifest(manifest, record.partition());
      queue.wake();
    } else if (value == null && Topics.SOURCE.equals(record.topic()) && record.key() != null) {
      int slash = record.key().indexOf('/');
      if (slash > 0) {
        join.onDeleted(
            record.key().substring(0, slash),
            record.key().substring(slash + 1),
            record.partition());
      }
    }
    processed(record);
  }

  @Override
  protected void release(Set<Integer> partitions) {
    queue.forget(join.release(partitions));
  }

  @Override
  protected void revoking() {
    queue.pause();
  }

  @Override
  protected void acquired(Set<Integer> partitions) {
    queue.resume(!partitions.isEmpty());
  }
}
