package io.galley.ingest.commits;

import io.galley.events.CommitEvent;
import io.galley.events.EventJson;
import io.galley.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Reads {@code guide.recent-commits.v1} (committed records only): all of it from the beginning,
 * then, on the same consumer, what was added since. Its tombstones (decisions retired from the
 * window) are skipped: {@link CommitLog} keeps the same window, so it drops them itself. Used by
 * one thread at a time.
 */
@Component
class CommitHistoryReader implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CommitHistoryReader.class);

  private final KafkaProperties kafka;
  private KafkaConsumer<String, byte[]> consumer;
  private List<TopicPartition> partitions;

  CommitHistoryReader(KafkaProperties kafka) {
    this.kafka = kafka;
  }

  /** Every commit event on the topic, in offset order per partition. */
  List<CommitEvent> readAll() {
    close();
    Map<String, Object> props = new HashMap<>(kafka.buildConsumerProperties());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    consumer = new KafkaConsumer<>(props);
    try {
      partitions =
          consumer.partitionsFor(Topics.RECENT_COMMITS, Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      if (partitions.isEmpty()) {
        // the topic is not there yet (nothing decided): read it whole next time, not never
        close();
        return List.of();
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    return readNew();
  }

  /**
   * The commit events committed since the last read, up to the end the topic has now (its last
   * stable offset: a transaction still open holds the read at its start).
   */
  List<CommitEvent> readNew() {
    if (consumer == null) {
      throw new IllegalStateException("readAll() first");
    }
    List<CommitEvent> events = new ArrayList<>();
    try {
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.value() != null) {
            read(r, events);
          }
        }
      }
    } catch (RuntimeException e) {
      close(); // where it stopped is unknown: the next reader starts from the beginning
      throw e;
    }
    return events;
  }

  private static void read(ConsumerRecord<String, byte[]> r, List<CommitEvent> events) {
    try {
      events.add(EventJson.fromBytes(r.value(), CommitEvent.class));
    } catch (RuntimeException e) {
      log.warn(
          "skipping unreadable record {}-{}@{}: {}",
          r.topic(),
          r.partition(),
          r.offset(),
          e.getMessage());
    }
  }

  /** Whether {@link #readNew()} can go on from an earlier read. */
  boolean open() {
    return consumer != null;
  }

  /** Closes the consumer, if any; the next read is a {@link #readAll()}. */
  @Override
  public void close() {
    if (consumer != null) {
      consumer.close();
      consumer = null;
    }
  }
}
