package io.galley.export.assembly;

import io.galley.events.RenderedChapter;
import io.galley.events.Topics;
import io.galley.export.edition.PipelineObserver;
import io.galley.kafka.ReplayingListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

/** Hands rendered chapters to the join; tombstones (deleted chapters) change nothing. */
@Component
class RenderedChapterListener extends ReplayingListener {

  private final ManifestJoin join;
  private final PipelineObserver observer;

  RenderedChapterListener(ManifestJoin join, PipelineObserver observer) {
    this.join = join;
    this.observer = observer;
  }

  @KafkaListener(
      id = "export-rendered",
      idIsGroup = false,
      topics = Topics.RENDERED,
      containerFactory = "renderedFactory")
  void on(@Payload(required = false) RenderedChapter chapter) {
    if (chapter != null) {
      observer.rendered(chapter);
      join.onRendered(chapter);
    }
  }
}
