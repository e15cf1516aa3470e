package io.galley.kafka;

import io.galley.events.EventHeaders;
import io.galley.events.Topics;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Tombstones that retire a book's editions from {@code guide.editions.v1} once they fall out of the
 * editions kept per book, so the topic (read whole by every render and export instance at start)
 * holds what the books keep, not every edition ever built. An edition event is keyed by its
 * editionId, which does not name the book, and a tombstone has no value for {@link BookPartitioner}
 * to read: the partition is set here, the book's, where compaction can drop the edition's record.
 */
public final class EditionTombstones {

  private EditionTombstones() {}

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
