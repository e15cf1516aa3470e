package io.galley.ingest.commits;

import io.galley.events.CommitEvent;
import io.galley.events.CommitIngested;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What ingest has decided so far, rebuilt from {@code guide.commits.v1} at start: every commit
 * event, the last decided commit and the last manifest of each book. Thread-safe.
 */
@Component
public class CommitLog {

  private final List<CommitEvent> events = new ArrayList<>();
  private final Map<String, String> lastCommit = new HashMap<>();
  private final Map<String, CommitIngested> lastManifest = new HashMap<>();

  /** Records a decision, in the order they were published. */
  public synchronized void record(CommitEvent event) {
    events.add(event);
    lastCommit.put(event.bookId(), event.commit());
    if (event instanceof CommitIngested manifest) {
      lastManifest.put(event.bookId(), manifest);
    }
  }

  /**
   * Replaces everything with {@code history} (read back from the topic), in one step, so readers
   * never see a half-built log.
   */
  public synchronized void replace(List<CommitEvent> history) {
    events.clear();
    lastCommit.clear();
    lastManifest.clear();
    history.forEach(this::record);
  }

  /** The last decided commit of a book (ingested or rejected). */
  public synchronized Optional<String> lastCommit(String bookId) {
    return Optional.ofNullable(lastCommit.get(bookId));
  }

  /** The last accepted manifest of a book. */
  public synchronized Optional<CommitIngested> lastManifest(String bookId) {
    return Optional.ofNullable(lastManifest.get(bookId));
  }

  /** Every decision, newest first. */
  public synchronized List<CommitEvent> newestFirst() {
    List<CommitEvent> copy = new ArrayList<>(events);
    java.util.Collections.reverse(copy);
    return copy;
  }

  /** A page of the decisions, newest first: {@code limit} of them after skipping {@code skip}. */
  public synchronized List<CommitEvent> newestFirst(int skip, int limit) {
    List<CommitEvent> page = new ArrayList<>(Math.min(limit, events.size()));
    for (int i = events.size() - 1 - skip; i >= 0 && page.size() < limit; i--) {
      page.add(events.get(i));
    }
    return page;
  }

  /** The latest manifest of every book, by bookId. */
  public synchronized List<CommitIngested> manifests() {
    return lastManifest.values().stream()
        .sorted(java.util.Comparator.comparing(CommitIngested::bookId))
        .toList();
  }
}
