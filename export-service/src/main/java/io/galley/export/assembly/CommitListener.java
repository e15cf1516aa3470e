package io.galley.export.assembly;

import io.galley.events.CommitEvent;
import io.galley.events.CommitIngested;
import io.galley.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Hands manifests of accepted commits to the join; rejected commits keep the previous edition. */
@Component
class CommitListener extends SeekingListener {

  private final ManifestJoin join;

  CommitListener(ManifestJoin join) {
    this.join = join;
  }

  @KafkaListener(id = "export-commits", idIsGroup = false, topics = Topics.COMMITS, containerFactory = "commitsFactory")
  void on(CommitEvent event) {
    if (event instanceof CommitIngested manifest) {
      join.onManifest(manifest);
    }
  }
}
