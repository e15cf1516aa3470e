package io.galley.export.assembly;

import io.galley.events.CommitIngested;
import io.galley.events.RenderedChapter;
import io.galley.events.Topics;
import io.galley.kafka.CoPartitionedListener;
import io.galley.kafka.TopicProgress;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The one consumer of the topics export joins, commits and rendered chapters, so that this instance
 * reads partition p of both and so owns whole books. Accepted manifests and rendered chapters go to
 * the join; rejected commits keep the previous edition (the portal learns of them, for every book,
 * from {@link PortalFeedListener}); tombstones (deleted chapters) change nothing.
 */
@Component
class BookRecordsListener extends CoPartitionedListener {

  private final ManifestJoin join;
  private final CoalescingBuildQueue queue;
  private final TopicProgress editions;

  BookRecordsListener(
      ManifestJoin join, CoalescingBuildQueue queue, TopicProgress exportEditionsProgress) {
    this.join = join;
    this.queue = queue;
    this.editions = exportEditionsProgress;
  }

  @KafkaListener(
      id = "export-books",
      idIsGroup = false,
      topics = {Topics.RECENT_COMMITS, Topics.RENDERED},
      containerFactory = "joinFactory")
  void on(ConsumerRecord<String, Object> record) {
    Object value = record.value();
    if (value instanceof CommitIngested manifest) {
      join.onManifest(manifest, record.partition(), record.offset());
    } else if (value instanceof RenderedChapter chapter) {
      join.onRendered(chapter, record.partition());
    }
    processed(record);
  }

  @Override
  protected void release(Set<Integer> partitions) {
    join.release(partitions);
  }

  @Override
  protected void revoking() {
    queue.pause(HAND_OVER_WAIT);
  }

  @Override
  protected void acquired(Set<Integer> partitions) {
    if (!partitions.isEmpty()) {
      editions.markBehind();
    }
    queue.resume();
  }
}
