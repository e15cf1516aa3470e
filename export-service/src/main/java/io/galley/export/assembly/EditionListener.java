package io.galley.export.assembly;

import io.galley.events.EditionEvent;
import io.galley.events.EditionFailed;
import io.galley.events.EditionPublished;
import io.galley.events.Topics;
import io.galley.export.edition.PipelineObserver;
import io.galley.export.store.EditionCatalog;
import io.galley.kafka.ReplayingListener;
import io.galley.kafka.TopicProgress;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the catalog of editions, render's HTML editions included, in step with the topic. */
@Component
class EditionListener extends ReplayingListener {

  static final String ID = "export-editions";

  private final EditionCatalog catalog;
  private final PipelineObserver observer;
  private final TopicProgress progress;

  EditionListener(
      EditionCatalog catalog, PipelineObserver observer, TopicProgress exportEditionsProgress) {
    this.catalog = catalog;
    this.observer = observer;
    this.progress = exportEditionsProgress;
  }

  @KafkaListener(
      id = ID,
      idIsGroup = false,
      topics = Topics.EDITIONS,
      containerFactory = "editionsFactory")
  void on(ConsumerRecord<String, EditionEvent> record) {
    EditionEvent event = record.value();
    if (event instanceof EditionPublished published) {
      catalog.add(published);
      observer.finished(published);
    } else if (event instanceof EditionFailed failed) {
      catalog.add(failed);
      observer.finished(failed);
    }
    progress.processed(record); // a new owner of a book waits for this before building it
  }
}
