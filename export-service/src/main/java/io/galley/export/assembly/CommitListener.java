package io.galley.export.assembly;

import io.galley.events.CommitEvent;
import io.galley.events.CommitIngested;
import io.galley.events.CommitRejected;
import io.galley.events.Topics;
import io.galley.export.edition.PipelineObserver;
import io.galley.kafka.ReplayingListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Hands manifests of accepted commits to the join; rejected commits keep the previous edition and
 * are only recorded for the history.
 */
@Component
class CommitListener extends ReplayingListener {

  private final ManifestJoin join;
  private final PipelineObserver observer;

  CommitListener(ManifestJoin join, PipelineObserver observer) {
    this.join = join;
    this.observer = observer;
  }

  @KafkaListener(
      id = "export-commits",
      idIsGroup = false,
      topics = Topics.COMMITS,
      containerFactory = "commitsFactory")
  void on(CommitEvent event) {
    if (event instanceof CommitIngested manifest) {
      join.onManifest(manifest);
    } else if (event instanceof CommitRejected rejection) {
      observer.rejected(rejection);
    }
  }
}
