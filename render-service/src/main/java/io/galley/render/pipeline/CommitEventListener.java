package io.galley.render.pipeline;

import io.galley.events.CommitEvent;
import io.galley.events.CommitIngested;
import io.galley.events.Topics;
import io.galley.kafka.ReplayingListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Reads manifests from the beginning; rejected commits change no edition and are ignored. */
@Component
class CommitEventListener extends ReplayingListener {

  private final CommitJoin join;
  private final RenderWorker worker;

  CommitEventListener(CommitJoin join, RenderWorker worker) {
    this.join = join;
    this.worker = worker;
  }

  @KafkaListener(
      id = "render-commits",
      topics = Topics.COMMITS,
      groupId = KafkaConfiguration.GROUP,
      containerFactory = "commitListenerFactory")
  void on(CommitEvent event) {
    if (event instanceof CommitIngested manifest) {
      join.onManifest(manifest);
      worker.wake();
    }
  }
}
