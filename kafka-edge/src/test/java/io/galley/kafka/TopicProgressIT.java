package io.galley.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.testsupport.KafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaAdmin;

/** The wait for a whole-topic reader to reach the topic's end, against a real broker. */
class TopicProgressIT {

  private final String bootstrap = KafkaBroker.EMBEDDED.bootstrapServers();
  private final String topic = "progress-" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void waitsUntilEveryRecordWrittenBeforeTheWaitIsProcessed() throws Exception {
    KafkaBroker.createTopic(bootstrap, topic, 2);
    List<RecordMetadata> written = new ArrayList<>();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
            new StringSerializer(),
            new StringSerializer())) {
      for (int i = 0; i < 4; i++) {
        written.add(
            producer
                .send(new ProducerRecord<>(topic, i % 2, "k" + i, "v" + i))
                .get(30, TimeUnit.SECONDS));
      }
    }
    TopicProgress progress =
        new TopicProgress(
            new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap)), topic);

    assertThat(progress.awaitCaughtUp(Duration.ofMillis(300))).isFalse(); // nothing read yet
    processed(progress, written.subList(0, 3));
    assertThat(progress.awaitCaughtUp(Duration.ofMillis(300))).isFalse(); // one record short

    CompletableFuture<Boolean> waiting =
        CompletableFuture.supplyAsync(() -> progress.awaitCaughtUp(Duration.ofSeconds(30)));
    processed(progress, written.subList(3, 4));
    assertThat(waiting.get(30, TimeUnit.SECONDS)).isTrue();
  }

  private void processed(TopicProgress progress, List<RecordMetadata> records) {
    records.forEach(
        m -> progress.processed(new ConsumerRecord<>(topic, m.partition(), m.offset(), "k", "v")));
  }
}
