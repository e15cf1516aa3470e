package io.galley.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.galley.testsupport.KafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

/**
 * Readiness of a replaying listener against a real broker: out of service while its partitions are
 * behind, up once they are read to the end, although the topic ends with a transaction's commit
 * marker (which no record ever reaches).
 */
class ReplayHealthIndicatorIT {

  private static final int PER_PARTITION = 200;

  private final String bootstrap = KafkaBroker.EMBEDDED.bootstrapServers();
  private final String topic = "replay-" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void isOutOfServiceUntilEveryAssignedPartitionIsReadToItsEnd() throws Exception {
    KafkaBroker.createTopic(bootstrap, topic, 2);
    writeInOneTransaction();

    AtomicInteger read = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    ConcurrentMessageListenerContainer<String, String> container =
        ListenerFactories.create(
                Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    bootstrap,
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                    10),
                "replay-test-" + UUID.randomUUID(),
                new StringDeserializer(),
                null)
            .createContainer(topic);
    container.setupMessageListener(
        (MessageListener<String, String>)
            record -> {
              try {
                go.await(60, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              read.incrementAndGet();
            });
    ReplayHealthIndicator replay =
        new ReplayHealthIndicator(id -> id.equals("l") ? container : null, List.of("l"));

    assertThat(replay.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE); // not started
    container.start();
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> container.getAssignedPartitions().size() == 2);
      // the listener holds its first record: ten records are fetched, the rest are behind
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(replay.health().getDetails().get("replaying"))
                      .asString()
                      .contains(topic));
      assertThat(replay.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

      go.countDown();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> replay.health().getStatus().equals(Status.UP));
      assertThat(read.get()).isGreaterThanOrEqualTo(2 * PER_PARTITION - 10);
      await().atMost(Duration.ofSeconds(30)).until(() -> read.get() == 2 * PER_PARTITION);
    } finally {
      container.stop();
    }
  }

  private void writeInOneTransaction() {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                "replay-test-" + UUID.randomUUID()),
            new StringSerializer(),
            new StringSerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      for (int i = 0; i < 2 * PER_PARTITION; i++) {
        producer.send(new ProducerRecord<>(topic, i % 2, "k" + i, "v" + i));
      }
      producer.commitTransaction(); // each partition now ends with a commit marker
    }
  }
}
