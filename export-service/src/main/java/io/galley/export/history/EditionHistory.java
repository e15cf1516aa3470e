package io.galley.export.history;

import io.galley.events.CommitIngested;
import io.galley.events.CommitRejected;
import io.galley.events.EditionEvent;
import io.galley.events.EditionFailed;
import io.galley.events.EditionFormat;
import io.galley.events.EditionPublished;
import io.galley.events.RenderedChapter;
import io.galley.export.ExportProperties;
import io.galley.export.edition.PipelineObserver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The history of every book: its newest commits with their author, message and time, and the state
 * of each format, rebuilt from the topics like everything else (every instance reads them whole, so
 * any instance shows any book). Keeps the rendered chapters those commits name, so two editions can
 * be compared. Bounded: at most {@code commitsPerBook} commits of a book are kept, the oldest go
 * first (their editions stay downloadable). Thread-safe; listeners hear every changed entry.
 */
@Component
public class EditionHistory implements PipelineObserver {

  private static final Logger LOG = LoggerFactory.getLogger(EditionHistory.class);

  private static final Comparator<CommitEntry> NEWEST_FIRST =
      Comparator.comparing(
          CommitEntry::committedAt, Comparator.nullsLast(Comparator.reverseOrder()));

  private static final Comparator<TrackedCommit> OLDEST_FIRST =
      Comparator.comparing(
          t -> t.snapshot().committedAt(), Comparator.nullsFirst(Comparator.naturalOrder()));

  private final int commitsPerBook;
  private final Map<String, Map<String, TrackedCommit>> books = new HashMap<>();
  private final Map<String, ChapterVersions> chapters = new HashMap<>();
  private final List<Consumer<CommitEntry>> listeners = new CopyOnWriteArrayList<>();

  /** A history keeping {@link ExportProperties#DEFAULT_HISTORY_PER_BOOK} commits of each book. */
  public EditionHistory() {
    this(ExportProperties.DEFAULT_HISTORY_PER_BOOK);
  }

  @Autowired
  public EditionHistory(ExportProperties properties) {
    this(properties.historyPerBook());
  }

  /** A history keeping at most {@code commitsPerBook} commits of each book (at least 2). */
  public EditionHistory(int commitsPerBook) {
    if (commitsPerBook < 2) {
      throw new IllegalArgumentException(
          "galley.export.history-per-book must be >= 2 (a diff compares two), got "
              + commitsPerBook);
    }
    this.commitsPerBook = commitsPerBook;
  }

  /** Calls the listener with every entry that changes, until the returned handle is run. */
  public Runnable subscribe(Consumer<CommitEntry> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @Override
  public void accepted(CommitIngested manifest) {
    change(manifest.bookId(), manifest.commit(), t -> t.accept(manifest));
  }

  @Override
  public void rejected(CommitRejected rejection) {
    change(rejection.bookId(), rejection.commit(), t -> t.reject(rejection));
  }

  @Override
  public synchronized void rendered(RenderedChapter chapter) {
    versions(chapter.bookId()).add(chapter);
  }

  @Override
  public void superseded(CommitIngested manifest) {
    change(
        manifest.bookId(),
        manifest.commit(),
        t -> {
          t.accept(manifest);
          t.skip(EditionFormat.PDF);
          t.skip(EditionFormat.EPUB);
        });
  }

  @Override
  public void building(CommitIngested manifest, EditionFormat format) {
    change(
        manifest.bookId(),
        manifest.commit(),
        t -> {
          t.accept(manifest);
          t.building(format);
        });
  }

  @Override
  public void finished(EditionEvent outcome) {
    List<CommitEntry> changed;
    synchronized (this) {
      TrackedCommit tracked = tracked(outcome.bookId(), outcome.commit());
      CommitEntry before = tracked.snapshot();
      if (outcome instanceof EditionPublished published) {
        tracked.publish(published);
      } else if (outcome instanceof EditionFailed failed) {
        tracked.fail(failed);
      }
      changed = new ArrayList<>();
      if (!tracked.snapshot().equals(before)) {
        changed.add(tracked.snapshot());
      }
      if (outcome instanceof EditionPublished published) {
        changed.addAll(skipOlder(published));
      }
      trim(outcome.bookId());
      changed.removeIf(entry -> !kept(entry));
    }
    changed.forEach(this::tell);
  }

  /** Every book with at least one commit or edition, by id. */
  public synchronized List<String> books() {
    return List.copyOf(new TreeSet<>(books.keySet()));
  }

  /** The commits of a book, newest first. */
  public synchronized List<CommitEntry> history(String bookId) {
    return books.getOrDefault(bookId, Map.of()).values().stream()
        .map(TrackedCommit::snapshot)
        .sorted(NEWEST_FIRST)
        .toList();
  }

  /** A commit of a book by its id or an unambiguous prefix of at least four characters. */
  public synchronized Optional<CommitEntry> find(String bookId, String commit) {
    Map<String, TrackedCommit> commits = books.getOrDefault(bookId, Map.of());
    if (commit == null || commit.length() < 4) {
      return Optional.empty();
    }
    TrackedCommit exact = commits.get(commit);
    if (exact != null) {
      return Optional.of(exact.snapshot());
    }
    List<TrackedCommit> matches =
        commits.values().stream().filter(t -> t.commit().startsWith(commit)).toList();
    return matches.size() == 1 ? Optional.of(matches.get(0).snapshot()) : Optional.empty();
  }

  /** The newest accepted commit older than the given one, to compare with. */
  public Optional<CommitEntry> previousAccepted(String bookId, String commit) {
    List<CommitEntry> all = history(bookId);
    boolean seen = false;
    for (CommitEntry entry : all) {
      if (seen && entry.manifest() != null) {
        return Optional.of(entry);
      }
      seen |= entry.commit().equals(commit);
    }
    return Optional.empty();
  }

  /**
   * The title and text of the rendered chapter with this source hash, if it arrived and is kept.
   */
  public synchronized Optional<RenderedChapter> chapter(
      String bookId, String docId, String sha256) {
    ChapterVersions versions = chapters.get(bookId);
    return versions == null ? Optional.empty() : versions.get(bookId, docId, sha256);
  }

  /** How many rendered chapters are held over all books (they are the bulk of the history). */
  public synchronized int chaptersHeld() {
    return chapters.values().stream().mapToInt(ChapterVersions::size).sum();
  }

  private void change(String bookId, String commit, Consumer<TrackedCommit> update) {
    CommitEntry after;
    synchronized (this) {
      TrackedCommit tracked = tracked(bookId, commit);
      CommitEntry before = tracked.snapshot();
      update.accept(tracked);
      after = tracked.snapshot();
      if (before.manifest() == null && after.manifest() != null) {
        tracked.keepManifest(versions(bookId).retain(after.manifest()));
        after = tracked.snapshot();
      }
      trim(bookId);
      if (after.equals(before) || !kept(after)) {
        return; // nothing new, or a commit older than every one kept
      }
    }
    tell(after);
  }

  /**
   * Render and export build only a book's newest commit: once a format is published for a commit,
   * older commits still queued for it are skipped. Learnt from the editions, so an instance that
   * does not own the book shows the same as its owner.
   */
  private List<CommitEntry> skipOlder(EditionPublished edition) {
    List<CommitEntry> changed = new ArrayList<>();
    for (TrackedCommit t : books.get(edition.bookId()).values()) {
      CommitEntry before = t.snapshot();
      if (before.committedAt() != null && before.committedAt().isBefore(edition.builtAt())) {
        t.skip(edition.format());
        if (!t.snapshot().equals(before)) {
          changed.add(t.snapshot());
        }
      }
    }
    return changed;
  }

  /** Drops a book's oldest commits beyond the bound, and the chapter versions only they named. */
  private void trim(String bookId) {
    Map<String, TrackedCommit> commits = books.get(bookId);
    while (commits.size() > commitsPerBook) {
      TrackedCommit oldest = commits.values().stream().min(OLDEST_FIRST).orElseThrow();
      commits.remove(oldest.commit());
      CommitIngested manifest = oldest.snapshot().manifest();
      if (manifest != null) {
        versions(bookId).release(manifest);
      }
    }
  }

  private ChapterVersions versions(String bookId) {
    return chapters.computeIfAbsent(bookId, b -> new ChapterVersions());
  }

  private boolean kept(CommitEntry entry) {
    return books.getOrDefault(entry.bookId(), Map.of()).containsKey(entry.commit());
  }

  private TrackedCommit tracked(String bookId, String commit) {
    return books
        .computeIfAbsent(bookId, b -> new LinkedHashMap<>())
        .computeIfAbsent(commit, c -> new TrackedCommit(bookId, c));
  }

  /**
   * A listener's failure must never reach the Kafka consumer or the build worker that called us.
   */
  private void tell(CommitEntry entry) {
    for (Consumer<CommitEntry> listener : listeners) {
      try {
        listener.accept(entry);
      } catch (RuntimeException e) {
        LOG.warn("history listener failed on {} {}", entry.bookId(), entry.commit(), e);
      }
    }
  }
}
