package io.galley.render.pipeline;

import io.galley.events.SourceDocument;
import io.galley.events.Topics;
import io.galley.kafka.ReplayingListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Reads chapter sources from the beginning; tombstones change nothing (joins are by hash). */
@Component
class SourceDocumentListener extends ReplayingListener {

  private final CommitJoin join;
  private final RenderWorker worker;

  SourceDocumentListener(CommitJoin join, RenderWorker worker) {
    this.join = join;
    this.worker = worker;
  }

  @KafkaListener(
      id = "render-source",
      topics = Topics.SOURCE,
      groupId = KafkaConfiguration.GROUP,
      containerFactory = "sourceListenerFactory")
  void on(SourceDocument source) {
    if (source != null) {
      join.onSource(source);
      worker.wake();
    }
  }
}
