package io.galley.export.assembly;

import io.galley.events.EditionEvent;
import io.galley.events.EventHeaders;
import io.galley.events.Topics;
import io.galley.kafka.EditionTombstones;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaOperations;

/** Publishes edition outcomes on {@code guide.editions.v1} with Galley's headers. */
final class KafkaEditionPublisher implements EditionPublisher {

  static final String SOURCE = "export-service";

  private final KafkaOperations<String, Object> kafka;

  KafkaEditionPublisher(KafkaOperations<String, Object> kafka) {
    this.kafka = kafka;
  }

  @Override
  public void publish(EditionEvent event) {
    ProducerRecord<String, Object> record =
        new ProducerRecord<>(Topics.EDITIONS, event.editionId(), event);
    String type = event.getClass().getSimpleName();
    EventHeaders.put(record.headers(), EventHeaders.TYPE, type);
    EventHeaders.put(record.headers(), EventHeaders.ID, type + ":" + event.editionId());
    EventHeaders.put(record.headers(), EventHeaders.SOURCE, SOURCE);
    try {
      kafka.send(record).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted publishing " + event.editionId(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot publish " + event.editionId(), e);
    }
  }

  @Override
  public void retire(String bookId, List<String> editionIds) {
    EditionTombstones.send(kafka, bookId, editionIds, SOURCE);
  }
}
