package io.galley.export.history;

import io.galley.events.CommitIngested;
import io.galley.events.CommitRejected;
import io.galley.events.EditionEvent;
import io.galley.events.EditionFailed;
import io.galley.events.EditionFormat;
import io.galley.events.EditionPublished;
import io.galley.events.RenderedChapter;
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
import org.springframework.stereotype.Component;

/**
 * The history of every book: each commit with its author, message and time, and the state of each
 * format, rebuilt from the topics like everything else. Keeps the rendered chapters it sees, so two
 * editions can be compared. Thread-safe; listeners hear every changed entry.
 */
@Component
public class EditionHistory implements PipelineObserver {

  private static final Logger LOG = LoggerFactory.getLogger(EditionHistory.class);

  private static final Comparator<CommitEntry> NEWEST_FIRST =
      Comparator.comparing(
          CommitEntry::committedAt, Comparator.nullsLast(Comparator.reverseOrder()));

  private final Map<String, Map<String, TrackedCommit>> books = new HashMap<>();
  private final Map<String, RenderedChapter> chapters = new HashMap<>();
  private final List<Consumer<CommitEntry>> listeners = new CopyOnWriteArrayList<>();

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
    chapters.put(key(chapter.bookId(), chapter.docId(), chapter.sourceSha256()), chapter);
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

  /** The rendered chapter with this source hash, if it arrived. */
  public synchronized Optional<RenderedChapter> chapter(
      String bookId, String docId, String sha256) {
    return Optional.ofNullable(chapters.get(key(bookId, docId, sha256)));
  }

  private void change(String bookId, String commit, Consumer<TrackedCommit> update) {
    CommitEntry after;
    synchronized (this) {
      TrackedCommit tracked = tracked(bookId, commit);
      CommitEntry before = tracked.snapshot();
      update.accept(tracked);
      after = tracked.snapshot();
      if (after.equals(before)) {
        return;
      }
    }
    tell(after);
  }

  /** Render builds only the newest site too: older commits still queued for HTML are skipped. */
  private List<CommitEntry> skipOlder(EditionPublished html) {
    List<CommitEntry> changed = new ArrayList<>();
    if (html.format() != EditionFormat.HTML) {
      return changed;
    }
    for (TrackedCommit t : books.get(html.bookId()).values()) {
      CommitEntry before = t.snapshot();
      if (before.committedAt() != null && before.committedAt().isBefore(html.builtAt())) {
        t.skip(EditionFormat.HTML);
        if (!t.snapshot().equals(before)) {
          changed.add(t.snapshot());
        }
      }
    }
    return changed;
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

  private static String key(String bookId, String docId, String sha256) {
    return bookId + "/" + docId + "@" + sha256;
  }
}
