package io.galley.kafka;

import io.galley.events.EventHeaders;
import io.galley.events.Topics;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;

/**
 * Tombstones that retire a book's editions from {@code guide.editions.v1} once they fall out of the
 * editions kept per book, so the topic (read whole by every render and export instance at start)
 * holds what the books keep, not every edition ever built. An edition event is keyed by its
 * editionId, which does not name the book, and a tombstone has no value for {@link BookPartitioner}
 * to read: the partition is set here, the book's, where compaction can drop the edition's record.
 */
public final class EditionTombstones {

  private static final Logger LOG = LoggerFactory.getLogger(EditionTombstones.class);

  private EditionTombstones() {}

  /**
   * Sends the tombstones of a book's retired editions without waiting: one that is lost only leaves
   * its edition's record until the book's next retirement, so a failure is logged, not thrown.
   */
  public static void send(
      KafkaOperations<String, Object> kafka,
      String bookId,
      List<String> editionIds,
      String source) {
    if (editionIds.isEmpty()) {
      return;
    }
    int partitions = kafka.partitionsFor(Topics.EDITIONS).size();
    for (ProducerRecord<String, Object> tombstone : of(bookId, editionIds, partitions, source)) {
      kafka
          .send(tombstone)
          .whenComplete(
              (ok, e) -> {
                if (e != null) {
                  LOG.warn(
                      "could not retire edition {} of {}: {}",
                      tombstone.key(),
                      bookId,
                      e.toString());
                }
              });
    }
  }

  /**
   * One tombstone per editionId, in the partition of {@code bookId} among {@code partitions}.
   *
   * @param source the service sending them (the {@code source} header)
   */
  public static List<ProducerRecord<String, Object>> of(
      String bookId, List<String> editionIds, int partitions, String source) {
    int partition = BookPartitioner.partitionOf(bookId, partitions);
    return editionIds.stream()
        .map(
            id -> {
              ProducerRecord<String, Object> r =
                  new ProducerRecord<>(Topics.EDITIONS, partition, id, null);
              EventHeaders.put(r.headers(), EventHeaders.TYPE, "EditionRetired");
              EventHeaders.put(r.headers(), EventHeaders.ID, "EditionRetired:" + id);
              EventHeaders.put(r.headers(), EventHeaders.SOURCE, source);
              return r;
            })
        .toList();
  }
}
