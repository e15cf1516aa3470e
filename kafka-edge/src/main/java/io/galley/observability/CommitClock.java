package io.galley.observability;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers when ingest published each commit (the Kafka timestamp of its {@code CommitIngested}
 * record), in memory and for the newest {@value #CAPACITY} commits, to measure commit-to-edition
 * latency.
 */
public class CommitClock {

  static final int CAPACITY = 1000;

  private final Map<String, Instant> published =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
          return size() > CAPACITY;
        }
      };

  /** Records that {@code commit}'s manifest was published at {@code epochMillis}. */
  public synchronized void ingested(String commit, long epochMillis) {
    if (commit != null && epochMillis > 0) {
      published.putIfAbsent(commit, Instant.ofEpochMilli(epochMillis));
    }
  }

  /** When the manifest of {@code commit} was published, if known. */
  public synchronized Optional<Instant> ingestedAt(String commit) {
    return Optional.ofNullable(published.get(commit));
  }
}
