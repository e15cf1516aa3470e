package io.galley.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * How far this instance has read a topic it reads whole (such as the editions), and a wait until it
 * has read every record written before the wait began. A new owner of a book waits for it before
 * building, so an edition its previous owner published is known and not produced again.
 */
public final class TopicProgress {

  private static final Logger log = LoggerFactory.getLogger(TopicProgress.class);

  private final String topic;
  private final Map<String, Object> adminConfig;
  private final Map<Integer, Long> next = new HashMap<>();
  private boolean behind;

  /**
   * @param admin the service's Kafka admin (its connection settings are used)
   * @param topic the topic read whole
   */
  public TopicProgress(KafkaAdmin admin, String topic) {
    this(admin.getConfigurationProperties(), topic);
  }

  TopicProgress(Map<String, Object> adminConfig, String topic) {
    this.adminConfig = new HashMap<>(adminConfig);
    this.topic = topic;
  }

  /** Records that a record of the topic was processed; call it after processing. */
  public void processed(ConsumerRecord<?, ?> record) {
    synchronized (next) {
      next.merge(record.partition(), record.offset() + 1, Math::max);
      next.notifyAll();
    }
  }

  /** Says that this instance took new books: the next {@link #awaitIfBehind} catches up first. */
  public void markBehind() {
    synchronized (next) {
      behind = true;
    }
  }

  /**
   * Catches up ({@link #awaitCaughtUp}) if {@link #markBehind} was called since the last catch-up;
   * callers on other threads wait for the one catching up.
   */
  public synchronized void awaitIfBehind(Duration timeout) {
    synchronized (next) {
      if (!behind) {
        return;
      }
      behind = false;
    }
    awaitCaughtUp(timeout);
  }

  /**
   * Waits until every record written to the topic before this call has been processed.
   *
   * @return false when that did not happen within {@code timeout} or the end of the topic could not
   *     be learned (the caller goes on; at worst an edition is produced again, with the same bytes)
   */
  public boolean awaitCaughtUp(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<Integer, Long> ends;
    try {
      ends = endOffsets(timeout);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      log.warn("cannot learn the end of {}; going on without waiting: {}", topic, e.toString());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    synchronized (next) {
      while (!reached(ends)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          log.warn("{} not read to its end {} within {}; read to {}", topic, ends, timeout, next);
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(next, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return true;
  }

  private boolean reached(Map<Integer, Long> ends) {
    return ends.entrySet().stream()
        .allMatch(e -> next.getOrDefault(e.getKey(), 0L) >= e.getValue());
  }

  /** The offset after the last committed record of each partition (read_committed). */
  private Map<Integer, Long> endOffsets(Duration timeout)
      throws ExecutionException, TimeoutException, InterruptedException {
    Map<String, Object> config = new HashMap<>(adminConfig);
    int millis = (int) Math.max(1_000, Math.min(timeout.toMillis(), 30_000));
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
    try (Admin client = Admin.create(config)) {
      TopicDescription described =
          client
              .describeTopics(java.util.List.of(topic))
              .topicNameValues()
              .get(topic)
              .get(millis, TimeUnit.MILLISECONDS);
      Map<TopicPartition, OffsetSpec> latest =
          described.partitions().stream()
              .collect(
                  Collectors.toMap(
                      p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
      Map<Integer, Long> ends = new HashMap<>();
      client
          .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
          .all()
          .get(millis, TimeUnit.MILLISECONDS)
          .forEach((tp, info) -> ends.put(tp.partition(), info.offset()));
      return ends;
    }
  }
}
