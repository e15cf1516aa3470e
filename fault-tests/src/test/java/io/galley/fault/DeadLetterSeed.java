package io.galley.fault;

import io.galley.events.Topics;
import io.galley.kafka.DeadLetterHeaders;
import io.galley.kafka.DeadLetters;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Fills the dead-letter topic the way a bad day does: a couple of dozen 2 MB chapters that failed
 * in render, written by the services' own recoverer ({@link DeadLetters}) in {@link
 * DeadLetterHeaders}' format, so {@code GET /api/dlt} has real weight.
 */
final class DeadLetterSeed {

  /** The service the seeded letters name, as render's error handler would. */
  static final String SERVICE = "render-service";

  private DeadLetterSeed() {}

  static void seed(String bootstrap, int count, int bytes) {
    seed(bootstrap, HostileBook.ID, count, bytes);
  }

  /**
   * Dead-letters {@code count} chapters of {@code bookId} (key {@code bookId/dead-i}), each as if
   * offset i of {@code guide.source.v1} partition 0 had failed.
   */
  static void seed(String bootstrap, String bookId, int count, int bytes) {
    byte[] value = new byte[bytes];
    Arrays.fill(value, (byte) 'x');
    DefaultKafkaProducerFactory<String, byte[]> producers =
        new DefaultKafkaProducerFactory<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                16 * 1024 * 1024,
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer());
    try {
      DeadLetterPublishingRecoverer recoverer =
          DeadLetters.recoverer(new KafkaTemplate<>(producers), SERVICE);
      for (int i = 0; i < count; i++) {
        ConsumerRecord<String, byte[]> failed =
            new ConsumerRecord<>(Topics.SOURCE, 0, i, bookId + "/dead-" + i, value);
        // waits for the broker's answer, as in a service
        recoverer.accept(failed, new IllegalStateException("seeded dead letter " + i));
      }
    } finally {
      producers.destroy();
    }
  }
}
