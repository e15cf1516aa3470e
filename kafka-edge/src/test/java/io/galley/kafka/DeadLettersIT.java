package io.galley.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.galley.events.EventHeaders;
import io.galley.events.Topics;
import io.galley.testsupport.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListener;

/**
 * The one dead-letter format on a real broker: a record a listener refuses reaches {@code
 * guide.dlt.v1} through {@link DeadLetters} with its key, bytes and headers, and {@link
 * DeadLetterHeaders} reads back where it came from, why and from which service.
 */
class DeadLettersIT {

  private final String bootstrap = KafkaBroker.EMBEDDED.bootstrapServers();
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aRefusedRecordReachesTheDeadLettersInTheOneFormat() throws Exception {
    String origin = "dlt-origin-" + run;
    KafkaBroker.createTopic(bootstrap, origin, 2);
    String key = "book-" + run + "/intro";
    byte[] bytes = "{not json".getBytes(StandardCharsets.UTF_8);

    DefaultKafkaProducerFactory<String, byte[]> producers = producers();
    ConcurrentMessageListenerContainer<String, byte[]> container = container(origin, producers);
    container.start();
    RecordMetadata sent;
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(producerProps(), new StringSerializer(), new ByteArraySerializer())) {
      ProducerRecord<String, byte[]> record = new ProducerRecord<>(origin, 1, key, bytes);
      EventHeaders.put(record.headers(), EventHeaders.TYPE, "SourceDocument");
      sent = producer.send(record).get();
    }
    try {
      ConsumerRecord<String, byte[]> letter =
          await().atMost(Duration.ofSeconds(60)).until(() -> deadLetter(key), r -> r != null);

      assertThat(letter.value()).isEqualTo(bytes);
      DeadLetterHeaders read = DeadLetterHeaders.read(letter.headers());
      assertThat(read.originTopic()).isEqualTo(origin);
      assertThat(read.originPartition()).isEqualTo(1);
      assertThat(read.originOffset()).isEqualTo(sent.offset());
      assertThat(read.exception()).contains("IllegalArgumentException").contains("not a PNG");
      assertThat(read.service()).isEqualTo("test-service");
      // Galley's origin header says what Spring's do, for readers of either
      assertThat(EventHeaders.get(letter.headers(), EventHeaders.DLT_ORIGIN))
          .isEqualTo(origin + "-1@" + sent.offset());
      // without the format's headers, the record's own headers remain (what a replay sends back)
      List<String> own = new ArrayList<>();
      for (Header h : letter.headers()) {
        if (!DeadLetterHeaders.isFormatHeader(h.key()) && !h.key().equals(EventHeaders.SOURCE)) {
          own.add(h.key());
        }
      }
      assertThat(own).containsExactly(EventHeaders.TYPE);
    } finally {
      container.stop();
      producers.destroy();
    }
  }

  private Map<String, Object> producerProps() {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, BookPartitioner.class.getName());
    return props;
  }

  private DefaultKafkaProducerFactory<String, byte[]> producers() {
    return new DefaultKafkaProducerFactory<>(
        producerProps(), new StringSerializer(), new ByteArraySerializer());
  }

  private ConcurrentMessageListenerContainer<String, byte[]> container(
      String topic, DefaultKafkaProducerFactory<String, byte[]> producers) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "dlt-it-" + run);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    ContainerProperties containerProps = new ContainerProperties(topic);
    containerProps.setMessageListener(
        (MessageListener<String, byte[]>)
            r -> {
              throw new IllegalArgumentException("not a PNG: " + r.key());
            });
    ConcurrentMessageListenerContainer<String, byte[]> container =
        new ConcurrentMessageListenerContainer<>(
            new DefaultKafkaConsumerFactory<>(
                props, new StringDeserializer(), new ByteArrayDeserializer()),
            containerProps);
    container.setCommonErrorHandler(
        DeadLetters.errorHandler(
            new KafkaTemplate<>(producers), "test-service", IllegalArgumentException.class));
    return container;
  }

  private ConsumerRecord<String, byte[]> deadLetter(String key) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts =
          consumer.partitionsFor(Topics.DLT).stream()
              .map(p -> new TopicPartition(Topics.DLT, p.partition()))
              .toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts);
      while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (key.equals(r.key())) {
            return r;
          }
        }
      }
    }
    return null;
  }
}
