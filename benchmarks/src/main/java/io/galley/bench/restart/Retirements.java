package io.galley.bench.restart;

import io.galley.events.CommitIngested;
import io.galley.events.EditionFormat;
import io.galley.events.EditionPublished;
import io.galley.events.EventHeaders;
import io.galley.events.Topics;
import io.galley.kafka.EditionTombstones;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The tombstones the services write as a history grows, with their default windows: ingest retires
 * a book's decisions beyond the newest {@code commitsPerBook} from {@code guide.recent-commits.v1}
 * (every decision here is an accepted manifest, so the last one is always among the kept), and the
 * builders retire a book's editions beyond the newest {@code editionsPerBook} of each format from
 * {@code guide.editions.v1}. Commits arrive in time order, as the generator makes them.
 */
final class Retirements {

  private final int commitsPerBook;
  private final int editionsPerBook;
  private final int partitions;
  private final Map<String, Deque<String>> commits = new HashMap<>();
  private final Map<String, Deque<String>> editions = new HashMap<>();

  Retirements(int commitsPerBook, int editionsPerBook, int partitions) {
    this.commitsPerBook = commitsPerBook;
    this.editionsPerBook = editionsPerBook;
    this.partitions = partitions;
  }

  /** The tombstones that follow this commit's records. */
  List<ProducerRecord<String, Object>> after(
      CommitIngested manifest, List<EditionPublished> published) {
    List<ProducerRecord<String, Object>> out = new ArrayList<>();
    Deque<String> kept = commits.computeIfAbsent(manifest.bookId(), b -> new ArrayDeque<>());
    kept.addLast(manifest.commit());
    while (kept.size() > commitsPerBook) {
      var tombstone =
          new ProducerRecord<String, Object>(
              Topics.RECENT_COMMITS, Topics.commitKey(manifest.bookId(), kept.removeFirst()), null);
      EventHeaders.put(tombstone.headers(), EventHeaders.TYPE, "CommitRetired");
      EventHeaders.put(tombstone.headers(), EventHeaders.SOURCE, "ingest-service");
      out.add(tombstone);
    }
    for (EditionPublished e : published) {
      Deque<String> shelf =
          editions.computeIfAbsent(e.bookId() + "\n" + e.format(), s -> new ArrayDeque<>());
      shelf.addLast(e.editionId());
      List<String> dropped = new ArrayList<>();
      while (shelf.size() > editionsPerBook) {
        dropped.add(shelf.removeFirst());
      }
      String service = e.format() == EditionFormat.HTML ? "render" : "export";
      out.addAll(EditionTombstones.of(e.bookId(), dropped, partitions, service + "-service"));
    }
    return out;
  }
}
