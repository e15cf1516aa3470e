package io.galley.events;

import java.util.List;
import java.util.Map;

/** Galley's topic names and the settings each is created with. */
public final class Topics {

  /** Chapter sources, compacted, key {@code bookId/docId}; a tombstone means deleted. */
  public static final String SOURCE = "guide.source.v1";

  /**
   * One {@link CommitEvent} per commit and book, key bookId, long retention: the whole log, for
   * audit and outside readers. Galley's services read {@link #RECENT_COMMITS} instead.
   */
  public static final String COMMITS = "guide.commits.v1";

  /**
   * The same {@link CommitEvent}s, compacted, key {@code bookId/commit}: ingest writes each
   * decision here too and retires a book's decisions beyond the newest it keeps with tombstones, so
   * reading this topic whole costs what the books hold, not their history. Render and export join
   * it; ingest rebuilds its log from it.
   */
  public static final String RECENT_COMMITS = "guide.recent-commits.v1";

  /**
   * Segments of the compacted topics roll at least this often, so the log cleaner drops superseded
   * records and retired keys within about this time (Kafka's default is 7 days, which would leave a
   * week of history for every start to read), and their tombstones are kept only this long after
   * (default a day): every reader of these topics reads them whole at start and keeps its own
   * window, so none needs an old tombstone.
   */
  static final String WINDOW_MS = Long.toString(3_600_000L);

  /** Rendered chapters, compacted, key {@code bookId/docId}. */
  public static final String RENDERED = "guide.rendered.v1";

  /** Edition outcomes, compacted, key editionId. */
  public static final String EDITIONS = "guide.editions.v1";

  /** Records that could not be processed after retries; key and bytes as they arrived. */
  public static final String DLT = "guide.dlt.v1";

  /**
   * The lease of the ingest instances of one group: one partition, never written; the consumer
   * group {@code <galley.ingest.group>-lease} assigns it to the active instance.
   */
  public static final String INGEST_LEASE = "guide.ingest-lease.v1";

  private Topics() {}

  /** The key of per-document topics. */
  public static String documentKey(String bookId, String docId) {
    return bookId + "/" + docId;
  }

  /** The key of a commit's decision on {@link #RECENT_COMMITS}. */
  public static String commitKey(String bookId, String commit) {
    return bookId + "/" + commit;
  }

  /** Every topic with its partitions and configuration, for services and infra to create. */
  public static List<TopicSpec> all(int partitions) {
    Map<String, String> compact =
        Map.of(
            "cleanup.policy", "compact", "segment.ms", WINDOW_MS, "delete.retention.ms", WINDOW_MS);
    return List.of(
        new TopicSpec(SOURCE, partitions, compact),
        new TopicSpec(
            COMMITS, partitions, Map.of("cleanup.policy", "delete", "retention.ms", "-1")),
        new TopicSpec(RECENT_COMMITS, partitions, compact),
        new TopicSpec(RENDERED, partitions, compact),
        new TopicSpec(EDITIONS, partitions, compact),
        new TopicSpec(
            DLT,
            1,
            Map.of("cleanup.policy", "delete", "retention.ms", Long.toString(30L * 24 * 3600_000))),
        // one partition, whatever the others have: the group's referee needs exactly one
        new TopicSpec(INGEST_LEASE, 1, Map.of("cleanup.policy", "delete")));
  }
}
