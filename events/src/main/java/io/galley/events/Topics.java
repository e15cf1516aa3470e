package io.galley.events;

import java.util.List;
import java.util.Map;

/** Galley's topic names and the settings each is created with. */
public final class Topics {

  /** Chapter sources, compacted, key {@code bookId/docId}; a tombstone means deleted. */
  public static final String SOURCE = "guide.source.v1";

  /** One {@link CommitEvent} per commit and book, key bookId, long retention. */
  public static final String COMMITS = "guide.commits.v1";

  /** Rendered chapters, compacted, key {@code bookId/docId}. */
  public static final String RENDERED = "guide.rendered.v1";

  /** Edition outcomes, compacted, key editionId. */
  public static final String EDITIONS = "guide.editions.v1";

  /** Records that could not be processed after retries; key and bytes as they arrived. */
  public static final String DLT = "guide.dlt.v1";

  private Topics() {}

  /** The key of per-document topics. */
  public static String documentKey(String bookId, String docId) {
    return bookId + "/" + docId;
  }

  /** Every topic with its partitions and configuration, for services and infra to create. */
  public static List<TopicSpec> all(int partitions) {
    Map<String, String> compact = Map.of("cleanup.policy", "compact");
    return List.of(
        new TopicSpec(SOURCE, partitions, compact),
        new TopicSpec(
            COMMITS, partitions, Map.of("cleanup.policy", "delete", "retention.ms", "-1")),
        new TopicSpec(RENDERED, partitions, compact),
        new TopicSpec(EDITIONS, partitions, compact),
        new TopicSpec(
            DLT,
            1,
            Map.of(
                "cleanup.policy", "delete", "retention.ms", Long.toString(30L * 24 * 3600_000))));
  }
}
