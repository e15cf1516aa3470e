package io.galley.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;

/**
 * The one listener of a service's joined topics (all subscribed by one consumer, so the range
 * assignor gives partition p of each to the same instance, and with {@link BookPartitioner} whole
 * books). It owns partition numbers: on an assignment it drops the state of the partitions it lost
 * ({@link #release}) and replays the partitions it gained from the beginning; a partition it keeps
 * across a rebalance is read on from where it was, without a replay, unless another instance read
 * it in between. Subclasses call {@link #processed} after each record. One consumer per instance.
 */
public abstract class CoPartitionedListener extends AbstractConsumerSeekAware {

  private static final Logger log = LoggerFactory.getLogger(CoPartitionedListener.class);

  /** The offset after the last record processed, per partition held; -1 when none yet. */
  private final Map<TopicPartition, Long> next = new HashMap<>();

  private final Set<Integer> owned = new HashSet<>();

  /** Drops the state of every book in these partitions (another instance owns them now). */
  protected abstract void release(Set<Integer> partitions);

  /** Remembers where this instance is in a partition; call once a record is processed. */
  protected final void processed(ConsumerRecord<?, ?> record) {
    synchronized (next) {
      next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
    }
  }

  /** The partition numbers this instance holds. */
  public final Set<Integer> owned() {
    synchronized (next) {
      return Set.copyOf(owned);
    }
  }

  @Override
  public void onPartitionsAssigned(
      Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
    super.onPartitionsAssigned(assignments, callback);
    Set<Integer> now = new TreeSet<>();
    assignments.keySet().forEach(tp -> now.add(tp.partition()));
    Set<Integer> kept = new TreeSet<>();
    Set<Integer> dropped = new TreeSet<>();
    List<TopicPartition> replay = new ArrayList<>();
    synchronized (next) {
      for (Integer p : now) {
        if (owned.contains(p) && readOnByUs(p, assignments)) {
          kept.add(p);
        }
      }
      for (Integer p : owned) {
        if (!kept.contains(p)) {
          dropped.add(p);
        }
      }
      next.keySet().removeIf(tp -> !kept.contains(tp.partition()));
      for (TopicPartition tp : assignments.keySet()) {
        if (!kept.contains(tp.partition())) {
          replay.add(tp);
          next.put(tp, -1L);
        }
      }
      owned.clear();
      owned.addAll(now);
    }
    if (!dropped.isEmpty()) {
      release(dropped);
    }
    if (!replay.isEmpty()) {
      callback.seekToBeginning(replay);
    }
    log.info(
        "{}: partitions {} assigned ({} kept, {} replayed from the start), {} released",
        getClass().getSimpleName(),
        now,
        kept,
        now.size() - kept.size(),
        dropped);
  }

  /** Whether every partition numbered p resumes where this instance stopped reading it. */
  private boolean readOnByUs(int p, Map<TopicPartition, Long> assignments) {
    for (Map.Entry<TopicPartition, Long> e : assignments.entrySet()) {
      if (e.getKey().partition() == p) {
        Long ours = next.get(e.getKey());
        if (ours == null || ours < 0 || !Objects.equals(ours, e.getValue())) {
          return false;
        }
      }
    }
    return true;
  }
}
