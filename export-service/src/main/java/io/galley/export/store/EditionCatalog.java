package io.galley.export.store;

import io.galley.events.EditionFailed;
import io.galley.events.EditionFormat;
import io.galley.events.EditionPublished;
import io.galley.export.ExportProperties;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The published editions the service lists and serves (its own and render's HTML editions), rebuilt
 * from {@code guide.editions.v1} (read whole by every instance); the files are in the blob store.
 * Bounded: the newest {@code perBook} editions of each book and format are kept, older ones are no
 * longer listed or served (their files stay in the store), so memory grows with books, not with
 * commits. Thread-safe.
 */
@Component
public class EditionCatalog {

  /** Newest first: by build (commit) time, then by id for a stable order. */
  public static final Comparator<EditionPublished> NEWEST_FIRST =
      Comparator.comparing(EditionPublished::builtAt)
          .reversed()
          .thenComparing(EditionPublished::format)
          .thenComparing(EditionPublished::editionId);

  private static final Comparator<EditionFailed> NEWEST_FAILURE_FIRST =
      Comparator.comparing(EditionFailed::failedAt)
          .reversed()
          .thenComparing(EditionFailed::editionId);

  private final int perBook;
  private final Map<String, EditionPublished> published = new HashMap<>();
  private final Map<String, NavigableSet<EditionPublished>> publishedByShelf = new HashMap<>();
  private final Map<String, EditionFailed> failed = new HashMap<>();
  private final Map<String, NavigableSet<EditionFailed>> failedByShelf = new HashMap<>();

  /** A catalog keeping {@link ExportProperties#DEFAULT_HISTORY_PER_BOOK} per book and format. */
  public EditionCatalog() {
    this(ExportProperties.DEFAULT_HISTORY_PER_BOOK);
  }

  @Autowired
  public EditionCatalog(ExportProperties properties) {
    this(properties.historyPerBook());
  }

  /** A catalog keeping the newest {@code perBook} editions of each book and format. */
  public EditionCatalog(int perBook) {
    if (perBook < 1) {
      throw new IllegalArgumentException("editions kept per book must be >= 1, got " + perBook);
    }
    this.perBook = perBook;
  }

  /**
   * Records a published edition.
   *
   * @return the editionIds that dropped out of the book and format's bound (its builder retires
   *     them from the editions topic)
   */
  public synchronized List<String> add(EditionPublished edition) {
    EditionFailed failure = failed.remove(edition.editionId());
    if (failure != null) {
      failedByShelf.get(shelf(failure.bookId(), failure.format())).remove(failure);
    }
    NavigableSet<EditionPublished> shelf =
        publishedByShelf.computeIfAbsent(
            shelf(edition.bookId(), edition.format()), s -> new TreeSet<>(NEWEST_FIRST));
    EditionPublished previous = published.put(edition.editionId(), edition);
    if (previous != null) {
      shelf.remove(previous); // published again: the newer record is kept
    }
    shelf.add(edition);
    List<String> dropped = new ArrayList<>();
    while (shelf.size() > perBook) {
      String id = shelf.pollLast().editionId();
      published.remove(id);
      dropped.add(id);
    }
    return dropped;
  }

  /**
   * Records a failed edition; the previous edition stays listed.
   *
   * @return the editionIds of failures that dropped out of the bound
   */
  public synchronized List<String> add(EditionFailed failure) {
    if (published.containsKey(failure.editionId())) {
      return List.of();
    }
    NavigableSet<EditionFailed> shelf =
        failedByShelf.computeIfAbsent(
            shelf(failure.bookId(), failure.format()), s -> new TreeSet<>(NEWEST_FAILURE_FIRST));
    EditionFailed previous = failed.put(failure.editionId(), failure);
    if (previous != null) {
      shelf.remove(previous);
    }
    shelf.add(failure);
    List<String> dropped = new ArrayList<>();
    while (shelf.size() > perBook) {
      String id = shelf.pollLast().editionId();
      failed.remove(id);
      dropped.add(id);
    }
    return dropped;
  }

  /** Every published edition kept, newest first. */
  public synchronized List<EditionPublished> all() {
    return published.values().stream().sorted(NEWEST_FIRST).toList();
  }

  /** Failures of editions that were never published. */
  public synchronized List<EditionFailed> failures() {
    return List.copyOf(failed.values());
  }

  /** A published edition by id, if it is kept. */
  public synchronized Optional<EditionPublished> find(String editionId) {
    return Optional.ofNullable(published.get(editionId));
  }

  /** The newest published edition of a book in a format. */
  public synchronized Optional<EditionPublished> latest(String bookId, EditionFormat format) {
    NavigableSet<EditionPublished> shelf = publishedByShelf.get(shelf(bookId, format));
    return shelf == null || shelf.isEmpty() ? Optional.empty() : Optional.of(shelf.first());
  }

  private static String shelf(String bookId, EditionFormat format) {
    return bookId + "\n" + format;
  }
}
