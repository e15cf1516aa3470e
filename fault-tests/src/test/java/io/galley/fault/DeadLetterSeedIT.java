package io.galley.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.Topics;
import io.galley.kafka.DeadLetterHeaders;
import io.galley.testsupport.KafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

/** The seeded dead letters are in the one format the services write, Spring's headers included. */
class DeadLetterSeedIT {

  @Test
  void seedsLettersInTheServicesFormat() {
    String bootstrap = KafkaBroker.EMBEDDED.bootstrapServers();
    String book = "seed-" + UUID.randomUUID().toString().substring(0, 8);

    DeadLetterSeed.seed(bootstrap, book, 2, 1024);

    List<ConsumerRecord<String, byte[]>> letters = read(bootstrap, book);
    assertThat(letters).hasSize(2);
    for (ConsumerRecord<String, byte[]> letter : letters) {
      long offset = Long.parseLong(letter.key().substring(letter.key().lastIndexOf('-') + 1));
      // what the services' recoverer adds besides Galley's headers: replay prefers these
      assertThat(letter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC)).isNotNull();
      assertThat(DeadLetterHeaders.read(letter.headers()))
          .isEqualTo(
              new DeadLetterHeaders(
                  Topics.SOURCE,
                  0,
                  offset,
                  "java.lang.IllegalStateException: seeded dead letter " + offset,
                  DeadLetterSeed.SERVICE));
      assertThat(letter.value()).hasSize(1024);
    }
  }

  private static List<ConsumerRecord<String, byte[]>> read(String bootstrap, String book) {
    List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      TopicPartition dlt = new TopicPartition(Topics.DLT, 0);
      consumer.assign(List.of(dlt));
      consumer.seekToBeginning(List.of(dlt));
      long end = consumer.endOffsets(List.of(dlt)).get(dlt);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (consumer.position(dlt) < end && System.nanoTime() < deadline) {
        consumer
            .poll(Duration.ofMillis(200))
            .forEach(
                r -> {
                  if (r.key() != null && r.key().startsWith(book + "/")) {
                    mine.add(r);
                  }
                });
      }
    }
    return mine;
  }
}
