package io.galley.export.assembly;

import io.galley.events.RenderedChapter;
import io.galley.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

/** Hands rendered chapters to the join; tombstones (deleted chapters) change nothing. */
@Component
class RenderedChapterListener extends SeekingListener {

  private final ManifestJoin join;

  RenderedChapterListener(ManifestJoin join) {
    this.join = join;
  }

  @KafkaListener(id = "export-rendered", idIsGroup = false, topics = Topics.RENDERED, containerFactory = "renderedFactory")
  void on(@Payload(required = false) RenderedChapter chapter) {
    if (chapter != null) {
      join.onRendered(chapter);
    }
  }
}
