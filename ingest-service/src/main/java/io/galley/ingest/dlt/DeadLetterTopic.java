package io.galley.ingest.dlt;

import io.galley.events.EventHeaders;
import io.galley.events.Topics;
import io.galley.kafka.DeadLetterHeaders;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;

/**
 * The dead-letter topic read from the beginning (read_committed), and replay: each dead letter's
 * original key, value and headers go back to its origin topic, together with a marker that records
 * it as replayed, in one Kafka transaction. The markers live in the topic itself, so what was
 * replayed survives restarts; consumers are idempotent, so a replayed record is safe to see twice.
 */
@Component
class DeadLetterTopic {

  /** On replay markers in {@code guide.dlt.v1}: the offset of the dead letter that was replayed. */
  static final String REPLAYED = "galley.dlt.replayed";

  // a broker returns a record larger than this anyway, so it only bounds what one poll buffers
  private static final int MAX_FETCH = 1024 * 1024;

  private final KafkaProperties kafka;
  private final KafkaTemplate<String, byte[]> template;

  // its own producers (transactional id galley-ingest-<instance>-n), not the commit publisher's:
  // a replay on a standby must not fence the active instance's publisher
  DeadLetterTopic(
      KafkaProperties kafka,
      ProducerFactory<String, byte[]> producers,
      ObservationRegistry observations) {
    this.kafka = kafka;
    this.template = new KafkaTemplate<>(producers);
    // each replayed record gets a span of its own and fresh W3C trace headers
    template.setObservationRegistry(observations);
    template.setObservationEnabled(true);
  }

  /**
   * The newest {@code limit} dead letters with an offset below {@code before}, newest first, their
   * payloads included when asked. Reads the topic once, keeping no more than the page in memory.
   */
  List<DeadLetter> newestFirst(int limit, long before, boolean payloads) {
    ArrayDeque<DeadLetter> page = new ArrayDeque<>(limit + 1);
    Set<Long> replayed = new HashSet<>();
    forEach(
        r -> {
          String marker = EventHeaders.get(r.headers(), REPLAYED);
          if (marker != null) {
            replayed.add(Long.parseLong(marker));
          } else if (r.offset() < before) {
            page.addFirst(view(r, payloads));
            if (page.size() > limit) {
              page.removeLast();
            }
          }
        });
    return page.stream().map(d -> replayed.contains(d.offset()) ? d.asReplayed() : d).toList();
  }

  /**
   * Replays the dead letters at {@code offsets} (all not yet replayed when empty) that name an
   * origin topic; returns the offsets replayed.
   */
  synchronized List<Long> replay(Collection<Long> offsets) {
    Set<Long> wanted = Set.copyOf(offsets);
    Set<Long> done = new HashSet<>();
    List<ConsumerRecord<String, byte[]>> letters = new ArrayList<>();
    forEach(
        r -> {
          String marker = EventHeaders.get(r.headers(), REPLAYED);
          if (marker != null) {
            done.add(Long.parseLong(marker));
          } else if (wanted.isEmpty() || wanted.contains(r.offset())) {
            letters.add(r);
          }
        });
    List<ConsumerRecord<String, byte[]>> todo =
        letters.stream()
            .filter(r -> !done.contains(r.offset()))
            .filter(r -> wanted.isEmpty() || wanted.contains(r.offset()))
            .filter(r -> DeadLetterHeaders.read(r.headers()).originTopic() != null)
            .toList();
    if (todo.isEmpty()) {
      return List.of();
    }
    template.executeInTransaction(
        ops -> {
          for (ConsumerRecord<String, byte[]> r : todo) {
            DeadLetterHeaders origin = DeadLetterHeaders.read(r.headers());
            int partition = origin.originPartition();
            ProducerRecord<String, byte[]> back =
                new ProducerRecord<>(
                    origin.originTopic(), partition < 0 ? null : partition, r.key(), r.value());
            for (Header h : r.headers()) {
              if (!DeadLetterHeaders.isFormatHeader(h.key())) {
                back.headers().add(h);
              }
            }
            ops.send(back);
            ProducerRecord<String, byte[]> marker = new ProducerRecord<>(Topics.DLT, r.key(), null);
            EventHeaders.put(marker.headers(), REPLAYED, Long.toString(r.offset()));
            EventHeaders.put(marker.headers(), EventHeaders.SOURCE, "ingest-service");
            ops.send(marker);
          }
          return null;
        });
    return todo.stream().map(ConsumerRecord::offset).toList();
  }

  private void forEach(Consumer<ConsumerRecord<String, byte[]>> action) {
    Map<String, Object> props = new HashMap<>(kafka.buildConsumerProperties());
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, MAX_FETCH);
    props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, MAX_FETCH);
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts =
          consumer.partitionsFor(Topics.DLT, Duration.ofSeconds(10)).stream()
              .map(p -> new TopicPartition(Topics.DLT, p.partition()))
              .toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts, Duration.ofSeconds(10));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("reading " + Topics.DLT + " took longer than 30s");
        }
        consumer.poll(Duration.ofMillis(200)).forEach(action);
      }
    }
  }

  private static DeadLetter view(ConsumerRecord<String, byte[]> r, boolean payloads) {
    DeadLetterHeaders h = DeadLetterHeaders.read(r.headers());
    return new DeadLetter(
        r.offset(),
        r.key(),
        h.originTopic(),
        h.originPartition(),
        h.originOffset(),
        h.exception(),
        h.service(),
        Instant.ofEpochMilli(r.timestamp()),
        r.value() == null ? 0 : r.value().length,
        false,
        payloads && r.value() != null ? payload(r.value()) : null,
        payloads && r.value() != null && r.value().length > DeadLetter.MAX_PAYLOAD);
  }

  private static String payload(byte[] value) {
    return Base64.getEncoder()
        .encodeToString(Arrays.copyOf(value, Math.min(value.length, DeadLetter.MAX_PAYLOAD)));
  }
}
