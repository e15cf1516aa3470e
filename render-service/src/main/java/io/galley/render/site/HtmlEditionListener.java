package io.galley.render.site;

import io.galley.events.EditionEvent;
import io.galley.events.EditionFormat;
import io.galley.events.EditionPublished;
import io.galley.events.Topics;
import io.galley.kafka.ReplayingListener;
import io.galley.kafka.TopicProgress;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Learns every published HTML edition, whoever built it, from {@code guide.editions.v1}, read whole
 * from the beginning by every instance (a group of its own per instance), so any instance serves
 * any book's site from the blob store.
 */
@Component
class HtmlEditionListener extends ReplayingListener {

  static final String ID = "render-sites";

  private final SiteLibrary library;
  private final TopicProgress progress;

  HtmlEditionListener(SiteLibrary library, TopicProgress renderEditionsProgress) {
    this.library = library;
    this.progress = renderEditionsProgress;
  }

  @KafkaListener(
      id = ID,
      idIsGroup = false,
      topics = Topics.EDITIONS,
      containerFactory = "siteEditionsFactory")
  void on(ConsumerRecord<String, EditionEvent> record) {
    if (record.value() instanceof EditionPublished p && p.format() == EditionFormat.HTML) {
      library.published(p.bookId(), p.commit(), p.editionId(), p.sha256(), p.builtAt());
      library.markLatest(p.bookId(), p.commit(), p.builtAt());
    }
    progress.processed(record); // a new owner of a book waits for this before building it
  }
}
