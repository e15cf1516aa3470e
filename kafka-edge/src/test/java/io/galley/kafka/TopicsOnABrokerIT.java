package io.galley.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.galley.events.Topics;
import io.galley.testsupport.KafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.kafka.core.KafkaAdmin;

/** The partitioner and the joined-topics check against a real (in-JVM KRaft) broker. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TopicsOnABrokerIT {

  private String bootstrap;
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  void start() {
    bootstrap = KafkaBroker.EMBEDDED.bootstrapServers();
  }

  private void create(Map<String, Integer> partitions) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      List<NewTopic> topics = new ArrayList<>();
      partitions.forEach((name, n) -> topics.add(new NewTopic(name, n, (short) 1)));
      admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
    }
  }

  private KafkaAdmin admin() {
    return new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
  }

  @Test
  void refusesJoinedTopicsWithDifferentPartitionCounts() throws Exception {
    String source = "source-" + run;
    String commits = "commits-" + run;
    create(Map.of(source, 3, commits, 2));
    JoinedTopicsCheck check =
        new JoinedTopicsCheck(admin(), "render-service", List.of(source, commits));

    assertThatThrownBy(check::verify)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("render-service joins " + source + " and " + commits)
        .hasMessageContaining(source + " has 3")
        .hasMessageContaining(commits + " has 2");
    assertThatThrownBy(check::start).hasMessageContaining(commits + " has 2");
  }

  @Test
  void acceptsJoinedTopicsWithEqualPartitionCounts() throws Exception {
    String rendered = "rendered-" + run;
    String commits = "commits-equal-" + run;
    create(Map.of(rendered, 4, commits, 4));
    JoinedTopicsCheck check =
        new JoinedTopicsCheck(admin(), "export-service", List.of(commits, rendered));

    assertThat(check.verify()).containsEntry(commits, 4).containsEntry(rendered, 4);
    check.start();
    assertThat(check.isRunning()).isTrue();
  }

  @Test
  void producerWithThePartitionerPutsABooksRecordsOnItsPartitionWithKeysUnchanged()
      throws Exception {
    // Galley's own topic names, so the partitioner reads keys as it does in the services
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, BookPartitioner.class.getName());
    String book = "book-" + run;
    List<String> sourceKeys = List.of(book + "/intro", book + "/guide/setup", book + "/z");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      for (String key : sourceKeys) {
        producer.send(new ProducerRecord<>(Topics.SOURCE, key, "{}")).get();
        producer.send(new ProducerRecord<>(Topics.RENDERED, key, "{}")).get();
      }
      producer.send(new ProducerRecord<>(Topics.COMMITS, book, "{}")).get();
      producer.send(new ProducerRecord<>(Topics.RECENT_COMMITS, book + "/c1", "{}")).get();
    }
    int expected = BookPartitioner.partitionOf(book, 3); // KafkaBroker creates 3 partitions
    Map<String, Object> consumerProps = new HashMap<>();
    consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> all = new ArrayList<>();
      for (String topic :
          List.of(Topics.SOURCE, Topics.RENDERED, Topics.COMMITS, Topics.RECENT_COMMITS)) {
        for (int p = 0; p < 3; p++) {
          all.add(new TopicPartition(topic, p));
        }
      }
      consumer.assign(all);
      consumer.seekToBeginning(all);
      List<ConsumerRecord<String, String>> ours = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (ours.size() < 8 && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          if (r.key() != null && (r.key().equals(book) || r.key().startsWith(book + "/"))) {
            ours.add(r);
          }
        }
      }
      assertThat(ours).hasSize(8);
      assertThat(ours).allSatisfy(r -> assertThat(r.partition()).isEqualTo(expected));
      assertThat(ours.stream().filter(r -> r.topic().equals(Topics.SOURCE)).map(r -> r.key()))
          .containsExactlyInAnyOrderElementsOf(sourceKeys);
    }
  }
}
