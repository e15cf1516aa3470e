package io.galley.export.store;

import io.galley.events.EditionFailed;
import io.galley.events.EditionFormat;
import io.galley.events.EditionPublished;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Every published edition the service knows of (its own and render's HTML editions), rebuilt from
 * {@code guide.editions.v1} (read whole by every instance); the files are in the blob store.
 */
@Component
public class EditionCatalog {

  /** Newest first: by build (commit) time, then by id for a stable order. */
  public static final Comparator<EditionPublished> NEWEST_FIRST =
      Comparator.comparing(EditionPublished::builtAt)
          .reversed()
          .thenComparing(EditionPublished::format)
          .thenComparing(EditionPublished::editionId);

  private final Map<String, EditionPublished> published = new ConcurrentHashMap<>();
  private final Map<String, EditionFailed> failed = new ConcurrentHashMap<>();

  /** Records a published edition. */
  public void add(EditionPublished edition) {
    published.put(edition.editionId(), edition);
    failed.remove(edition.editionId());
  }

  /** Records a failed edition; the previous edition stays listed. */
  public void add(EditionFailed failure) {
    if (!published.containsKey(failure.editionId())) {
      failed.put(failure.editionId(), failure);
    }
  }

  /** Every published edition, newest first. */
  public List<EditionPublished> all() {
    return published.values().stream().sorted(NEWEST_FIRST).toList();
  }

  /** Failures of editions that were never published. */
  public List<EditionFailed> failures() {
    return List.copyOf(failed.values());
  }

  /** A published edition by id. */
  public Optional<EditionPublished> find(String editionId) {
    return Optional.ofNullable(published.get(editionId));
  }

  /** The newest published edition of a book in a format. */
  public Optional<EditionPublished> latest(String bookId, EditionFormat format) {
    return published.values().stream()
        .filter(e -> e.bookId().equals(bookId) && e.format() == format)
        .min(NEWEST_FIRST);
  }
}
