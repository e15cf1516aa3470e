package io.galley.export.assembly;

import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.events.RenderedChapter;
import io.galley.export.edition.AssetSource;
import io.galley.export.edition.BookContent;
import io.galley.export.edition.PipelineObserver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Joins manifests with rendered chapters by content hash. A manifest is ready when a rendered
 * chapter with each chapter's source hash has arrived, in any order (its images are in the blob
 * store before it is announced, so it never waits for them); then it goes to the build queue. Only
 * the newest manifest of a book waits: an older one is superseded when a newer arrives. Manifests
 * are ordered by their offset (all commits of a book are in one partition); a manifest at or before
 * the newest seen of its book is a redelivery and changes nothing. State is per book and bounded:
 * after a hand-over only the chapters the waiting manifest needs and the newest of each chapter are
 * kept; a book whose partition this instance no longer owns is dropped whole.
 */
final class ManifestJoin {

  private record Pending(long offset, CommitIngested manifest) {}

  /** What the join holds of one book. */
  private static final class BookState {
    final Map<String, RenderedChapter> rendered = new HashMap<>(); // by docId@sha256
    final Map<String, String> newest = new HashMap<>(); // docId -> sha256 of the newest arrival
    final List<Pending> waiting = new ArrayList<>();
    long lastOffset = -1;
    int partition = -1;
  }

  private final AssetSource assets;
  private final CoalescingBuildQueue queue;
  private final PipelineObserver observer;
  private final Map<String, BookState> books = new HashMap<>();

  ManifestJoin(AssetSource assets, CoalescingBuildQueue queue) {
    this(assets, queue, PipelineObserver.NONE);
  }

  ManifestJoin(AssetSource assets, CoalescingBuildQueue queue, PipelineObserver observer) {
    this.assets = assets;
    this.queue = queue;
    this.observer = observer;
  }

  private BookState book(String bookId, int partition) {
    BookState book = books.computeIfAbsent(bookId, b -> new BookState());
    if (partition >= 0) {
      book.partition = partition;
    }
    return book;
  }

  /** A manifest arrived at {@code offset} of its book's commits partition. */
  synchronized void onManifest(CommitIngested manifest, int partition, long offset) {
    BookState book = book(manifest.bookId(), partition);
    if (offset <= book.lastOffset) {
      return;
    }
    book.lastOffset = offset;
    observer.accepted(manifest);
    // only the newest manifest of a book is worth building: older ones waiting are superseded, so
    // a replay of a long history holds one manifest per book
    book.waiting.forEach(older -> observer.superseded(older.manifest()));
    book.waiting.clear();
    book.waiting.add(new Pending(offset, manifest));
    check(manifest.bookId());
  }

  /** A rendered chapter arrived from {@code partition} (-1: unknown). */
  synchronized void onRendered(RenderedChapter chapter, int partition) {
    BookState book = book(chapter.bookId(), partition);
    book.rendered.put(key(chapter.docId(), chapter.sourceSha256()), chapter);
    String previous = book.newest.put(chapter.docId(), chapter.sourceSha256());
    if (previous != null && !previous.equals(chapter.sourceSha256())) {
      dropUnlessWaitedFor(book, chapter.docId(), previous);
    }
    check(chapter.bookId());
  }

  synchronized void onRendered(RenderedChapter chapter) {
    onRendered(chapter, -1);
  }

  /** Drops every book last read from one of {@code partitions}; returns their bookIds. */
  synchronized Set<String> release(Set<Integer> partitions) {
    Set<String> released = new HashSet<>();
    books.forEach(
        (bookId, book) -> {
          if (partitions.contains(book.partition)) {
            released.add(bookId);
          }
        });
    released.forEach(books::remove);
    queue.forget(released);
    return released;
  }

  /** The books held. */
  synchronized Set<String> books() {
    return Set.copyOf(books.keySet());
  }

  /** How many manifests wait for their chapters, over all books. */
  synchronized int waitingCount() {
    return books.values().stream().mapToInt(b -> b.waiting.size()).sum();
  }

  /** How many rendered chapters are held, over all books. */
  synchronized int renderedCount() {
    return books.values().stream().mapToInt(b -> b.rendered.size()).sum();
  }

  private void check(String bookId) {
    BookState book = books.get(bookId);
    List<Pending> pending = book.waiting;
    for (int i = pending.size() - 1; i >= 0; i--) {
      Pending candidate = pending.get(i);
      Optional<BookContent> content = content(book, candidate.manifest());
      if (content.isPresent()) {
        pending.subList(0, i).forEach(older -> observer.superseded(older.manifest()));
        pending.subList(0, i + 1).clear();
        queue.offer(bookId, candidate.offset(), content.get());
        prune(book);
        return;
      }
    }
  }

  /** Drops an older rendering of a chapter unless a waiting manifest names it. */
  private static void dropUnlessWaitedFor(BookState book, String docId, String sha256) {
    for (Pending p : book.waiting) {
      for (ChapterEntry c : p.manifest().chapters()) {
        if (c.docId().equals(docId) && c.sha256().equals(sha256)) {
          return;
        }
      }
    }
    book.rendered.remove(key(docId, sha256));
  }

  /** Keeps the chapters waiting manifests name and the newest of each chapter. */
  private static void prune(BookState book) {
    Set<String> keep = new HashSet<>();
    book.newest.forEach((docId, sha) -> keep.add(key(docId, sha)));
    book.waiting.forEach(
        p -> p.manifest().chapters().forEach(c -> keep.add(key(c.docId(), c.sha256()))));
    book.rendered.keySet().retainAll(keep);
  }

  private Optional<BookContent> content(BookState book, CommitIngested manifest) {
    List<RenderedChapter> chapters = new ArrayList<>();
    for (ChapterEntry entry : manifest.chapters()) {
      RenderedChapter chapter = book.rendered.get(key(entry.docId(), entry.sha256()));
      if (chapter == null) {
        return Optional.empty();
      }
      chapters.add(chapter);
    }
    return Optional.of(new BookContent(manifest, chapters, assets));
  }

  private static String key(String docId, String sha256) {
    return docId + "@" + sha256;
  }
}
