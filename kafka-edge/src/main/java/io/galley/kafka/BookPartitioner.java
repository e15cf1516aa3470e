package io.galley.kafka;

import io.galley.events.EditionEvent;
import io.galley.events.EventJson;
import io.galley.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.utils.Utils;

/**
 * Sends every record of one book to the partition chosen by its bookId, so the instance that owns
 * partition p of the joined topics owns whole books. Keys are left as they are (compaction keeps
 * working); a record of no book (dead letters) goes where Kafka's default would send it. Set it on
 * every producer as {@code partitioner.class}.
 */
public final class BookPartitioner implements Partitioner {

  /**
   * The partition of a book's records among {@code partitions}: what Kafka's default partitioner
   * picks for a record keyed by the bookId, so commits (keyed by bookId) keep their partition.
   */
  public static int partitionOf(String bookId, int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
    }
    return Utils.toPositive(Utils.murmur2(bookId.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  /**
   * The book a record belongs to, or null: the part of the key before the first {@code /} ({@code
   * bookId/docId}), the key of a commit, the bookId of an edition event's value.
   */
  public static String bookIdOf(String topic, Object key, Object value) {
    if (Topics.DLT.equals(topic)) {
      return null; // a dead letter keeps its key but belongs to no owner
    }
    if (Topics.EDITIONS.equals(topic)) {
      return editionBookId(value);
    }
    if (key instanceof String k) {
      int slash = k.indexOf('/');
      if (slash > 0) {
        return k.substring(0, slash);
      }
      if (Topics.COMMITS.equals(topic) && !k.isEmpty()) {
        return k;
      }
    }
    return null;
  }

  private static String editionBookId(Object value) {
    if (value instanceof EditionEvent edition) {
      return edition.bookId();
    }
    if (value instanceof byte[] json) { // an edition replayed from the dead letters as it arrived
      try {
        return EventJson.fromBytes(json, EditionEvent.class).bookId();
      } catch (RuntimeException e) {
        return null;
      }
    }
    return null;
  }

  @Override
  public int partition(
      String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
    List<PartitionInfo> all = cluster.partitionsForTopic(topic);
    int n = all.size();
    String bookId = bookIdOf(topic, key, value);
    if (bookId != null) {
      return partitionOf(bookId, n);
    }
    if (keyBytes != null) {
      return Utils.toPositive(Utils.murmur2(keyBytes)) % n;
    }
    List<PartitionInfo> available = cluster.availablePartitionsForTopic(topic);
    List<PartitionInfo> choice = available.isEmpty() ? all : available;
    return choice.get(ThreadLocalRandom.current().nextInt(choice.size())).partition();
  }

  @Override
  public void configure(Map<String, ?> configs) {}

  @Override
  public void close() {}
}
