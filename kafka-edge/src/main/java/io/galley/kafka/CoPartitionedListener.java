package io.galley.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
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
 * it in between. Before partitions are taken away it lets the builds running finish ({@link
 * #revoking}), so the next owner sees their editions; after an assignment it says which partitions
 * are new here ({@link #acquired}). Subclasses call {@link #processed} after each record. One
 * consumer per instance.
 */
public abstract class CoPartitionedListener extends AbstractConsumerSeekAware {

  private static final Logger log = LoggerFactory.getLogger(CoPartitionedListener.class);

  /**
   * How long a rebalance waits for the builds running on an instance, and how long a new owner of
   * books waits to have read the editions to their end: bounded, so one stuck build cannot hold the
   * group (after it, an edition may be built twice, with the same bytes).
   */
  public static final Duration HAND_OVER_WAIT = Duration.ofSeconds(30);

  /** The offset after the last record processed, per partition held; -1 when none yet. */
  private final Map<TopicPartition, Long> next = new HashMap<>();

  /** The partitions whose books' state is kept (until the next assignment decides). */
  private final Set<Integer> owned = new HashSet<>();

  /** The partitions assigned now: none between a revocation and the next assignment. */
  private final Set<Integer> held = new HashSet<>();

  /** Drops the state of every book in these partitions (another instance owns them now). */
  protected abstract void release(Set<Integer> partitions);

  /**
   * Partitions are about to be taken away (a rebalance began): stop starting builds and wait, for a
   * bounded time, for the running ones to publish. Runs on the consumer thread; default: nothing.
   */
  protected void revoking() {}

  /**
   * The assignment is complete; {@code partitions} are new here (replayed from the start), and
   * builds may start again. Default: nothing.
   */
  protected void acquired(Set<Integer> partitions) {}

  /** Remembers where this instance is in a partition; call once a record is processed. */
  protected final void processed(ConsumerRecord<?, ?> record) {
    synchronized (next) {
      next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
    }
  }

  /** The partition numbers this instance holds (none while a rebalance is under way). */
  public final Set<Integer> owned() {
    synchronized (next) {
      return Set.copyOf(held);
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
      held.clear();
      held.addAll(now);
    }
    if (!dropped.isEmpty()) {
      release(dropped);
    }
    if (!replay.isEmpty()) {
      callback.seekToBeginning(replay);
    }
    Set<Integer> gained = new TreeSet<>(now);
    gained.removeAll(kept);
    acquired(gained);
    log.info(
        "{}: partitions {} assigned ({} kept, {} replayed from the start), {} released",
        getClass().getSimpleName(),
        now,
        kept,
        now.size() - kept.size(),
        dropped);
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    super.onPartitionsRevoked(partitions);
    synchronized (next) {
      partitions.forEach(tp -> held.remove(tp.partition()));
    }
    if (!partitions.isEmpty()) {
      revoking();
    }
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
