package io.galley.ingest.commits;

import io.galley.events.CommitEvent;
import io.galley.events.CommitIngested;
import io.galley.events.Topics;
import io.galley.ingest.IngestProperties;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What ingest has decided so far, rebuilt from {@code guide.recent-commits.v1} at start: the newest
 * {@code keptPerBook} decisions of each book (and always its last manifest, which the next commit
 * is compared with), the last decided commit and the last manifest of each book. The same window
 * decides which decisions the publisher retires from that topic, so memory and the topic grow with
 * books, not with commits. Thread-safe.
 */
@Component
public class CommitLog {

  private final int keptPerBook;

  /** Every kept decision by the order it was recorded in. */
  private final NavigableMap<Long, CommitEvent> bySequence = new TreeMap<>();

  /** Per book, its kept commits, oldest first, with their sequence numbers. */
  private final Map<String, LinkedHashMap<String, Long>> byBook = new HashMap<>();

  private final Map<String, String> lastCommit = new HashMap<>();
  private final Map<String, CommitIngested> lastManifest = new HashMap<>();
  private long sequence;

  /** A log keeping {@code galley.ingest.commits-kept-per-book} decisions of each book. */
  @Autowired
  public CommitLog(IngestProperties properties) {
    this(properties.commitsKeptPerBook());
  }

  /** A log with the default window. */
  public CommitLog() {
    this(IngestProperties.DEFAULT_COMMITS_KEPT_PER_BOOK);
  }

  /** A log keeping the newest {@code keptPerBook} decisions of each book. */
  public CommitLog(int keptPerBook) {
    if (keptPerBook < 1) {
      throw new IllegalArgumentException("keptPerBook must be >= 1, got " + keptPerBook);
    }
    this.keptPerBook = keptPerBook;
  }

  /**
   * Records a decision, in the order they were published; the book's decisions beyond the window
   * are forgotten (a commit decided again moves to the end).
   */
  public synchronized void record(CommitEvent event) {
    LinkedHashMap<String, Long> book =
        byBook.computeIfAbsent(event.bookId(), b -> new LinkedHashMap<>());
    Long earlier = book.remove(event.commit());
    if (earlier != null) {
      bySequence.remove(earlier);
    }
    long seq = ++sequence;
    book.put(event.commit(), seq);
    bySequence.put(seq, event);
    lastCommit.put(event.bookId(), event.commit());
    if (event instanceof CommitIngested manifest) {
      lastManifest.put(event.bookId(), manifest);
    }
    for (String retired : beyondWindow(event.bookId(), null, false)) {
      bySequence.remove(book.remove(retired));
    }
  }

  /**
   * The keys on {@link Topics#RECENT_COMMITS} that recording {@code next} will push out of the
   * book's window: the publisher tombstones them in the same transaction as {@code next}.
   */
  public synchronized List<String> retiredBy(CommitEvent next) {
    return beyondWindow(next.bookId(), next.commit(), next instanceof CommitIngested).stream()
        .map(commit -> Topics.commitKey(next.bookId(), commit))
        .toList();
  }

  /**
   * The book's oldest commits beyond the window once {@code next} (if not null) is added; the last
   * manifest stays whatever its age, unless {@code next} is a newer manifest.
   */
  private List<String> beyondWindow(String bookId, String next, boolean nextIsManifest) {
    LinkedHashMap<String, Long> book = byBook.get(bookId);
    if (book == null) {
      return List.of();
    }
    int size = book.size();
    if (next != null && !book.containsKey(next)) {
      size++;
    }
    CommitIngested manifest = lastManifest.get(bookId);
    String keep = nextIsManifest || manifest == null ? null : manifest.commit();
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = book.keySet().iterator(); size > keptPerBook && it.hasNext(); ) {
      String commit = it.next();
      if (!commit.equals(next) && !commit.equals(keep)) {
        out.add(commit);
        size--;
      }
    }
    return out;
  }

  /**
   * Replaces everything with {@code history} (read back from the topic), in one step, so readers
   * never see a half-built log.
   */
  public synchronized void replace(List<CommitEvent> history) {
    bySequence.clear();
    byBook.clear();
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

  /** Every kept decision, newest first. */
  public synchronized List<CommitEvent> newestFirst() {
    return new ArrayList<>(bySequence.descendingMap().values());
  }

  /**
   * A page of the kept decisions, newest first: {@code limit} of them after skipping {@code skip}.
   */
  public synchronized List<CommitEvent> newestFirst(int skip, int limit) {
    return bySequence.descendingMap().values().stream().skip(skip).limit(limit).toList();
  }

  /** The latest manifest of every book, by bookId. */
  public synchronized List<CommitIngested> manifests() {
    return lastManifest.values().stream()
        .sorted(Comparator.comparing(CommitIngested::bookId))
        .toList();
  }
}
