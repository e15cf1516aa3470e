package io.galley.export.assembly;

import io.galley.events.CommitIngested;
import io.galley.events.CommitRejected;
import io.galley.events.RenderedChapter;
import io.galley.events.Topics;
import io.galley.export.edition.PipelineObserver;
import io.galley.kafka.ReplayingListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the portal's history with the commits and rendered chapters of every book, read whole by
 * every instance (a group of its own per instance), so the history, diff and live-update pages of
 * any book work on any instance, not only on the one owning the book. Owning instances add what
 * only they know (queued builds, building, superseded) through the build path.
 */
@Component
class PortalFeedListener extends ReplayingListener {

  static final String ID = "export-portal";

  private final PipelineObserver history;

  PortalFeedListener(PipelineObserver history) {
    this.history = history;
  }

  @KafkaListener(
      id = ID,
      idIsGroup = false,
      topics = {Topics.RECENT_COMMITS, Topics.RENDERED},
      containerFactory = "portalFactory")
  void on(ConsumerRecord<String, Object> record) {
    Object value = record.value();
    if (value instanceof CommitIngested manifest) {
      history.accepted(manifest);
    } else if (value instanceof CommitRejected rejection) {
      history.rejected(rejection);
    } else if (value instanceof RenderedChapter chapter) {
      history.rendered(chapter);
    }
  }
}
