package io.galley.render.build;

import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.events.SourceDocument;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Joins manifests with the sources they name, by content hash and in any arrival order (images are
 * in the blob store before a manifest is announced, so it never waits for them). Only the newest
 * pending manifest of a book is kept: older ones are superseded before they build. State is per
 * book and bounded: after a build only the sources the built manifest, the pending one and the
 * newest arrival of each chapter name are kept; a book whose partition this instance no longer owns
 * is dropped whole.
 */
@Component
public class ManifestJoin {

  /** What the join holds of one book. */
  private static final class BookState {
    final Map<String, SourceDocument> sources = new HashMap<>(); // by docId@sha256
    final Map<String, String> newest = new HashMap<>(); // docId -> sha256 of the newest arrival
    CommitIngested building; // taken by the worker and not yet built
    int partition = -1;
  }

  private final Map<String, BookState> books = new HashMap<>();
  private final Map<String, CommitIngested> pending = new LinkedHashMap<>();

  ManifestJoin() {}

  private static String key(String docId, String sha256) {
    return docId + "@" + sha256;
  }

  private BookState book(String bookId, int partition) {
    BookState book = books.computeIfAbsent(bookId, b -> new BookState());
    if (partition >= 0) {
      book.partition = partition;
    }
    return book;
  }

  synchronized void onSource(SourceDocument source) {
    onSource(source, -1);
  }

  /** A chapter source read from {@code partition} (-1: unknown). */
  public synchronized void onSource(SourceDocument source, int partition) {
    BookState book = book(source.bookId(), partition);
    book.sources.put(key(source.docId(), source.sha256()), source);
    String previous = book.newest.put(source.docId(), source.sha256());
    if (previous != null && !previous.equals(source.sha256())) {
      dropUnlessNamed(source.bookId(), book, source.docId(), previous);
    }
  }

  /** Drops an older source of a chapter unless the pending or the building manifest names it. */
  private void dropUnlessNamed(String bookId, BookState book, String docId, String sha256) {
    for (CommitIngested m : new CommitIngested[] {pending.get(bookId), book.building}) {
      if (m != null) {
        for (ChapterEntry c : m.chapters()) {
          if (c.docId().equals(docId) && c.sha256().equals(sha256)) {
            return;
          }
        }
      }
    }
    book.sources.remove(key(docId, sha256));
  }

  /** A chapter was deleted (a tombstone): its newest source is no longer kept for later. */
  public synchronized void onDeleted(String bookId, String docId, int partition) {
    book(bookId, partition).newest.remove(docId);
  }

  synchronized void onManifest(CommitIngested manifest) {
    onManifest(manifest, -1);
  }

  /** A manifest read from {@code partition} (-1: unknown). */
  public synchronized void onManifest(CommitIngested manifest, int partition) {
    book(manifest.bookId(), partition);
    pending.remove(manifest.bookId());
    pending.put(manifest.bookId(), manifest);
  }

  /**
   * Puts back a manifest whose build failed, unless a newer one of its book is waiting or the book
   * has moved to another instance.
   */
  synchronized void requeue(CommitIngested manifest) {
    BookState book = books.get(manifest.bookId());
    if (book != null) {
      book.building = null;
      pending.putIfAbsent(manifest.bookId(), manifest);
    }
  }

  /**
   * Forgets what the next build of {@code m}'s book no longer needs: sources named neither by
   * {@code m}, by the book's pending manifest, nor as the newest of their chapter.
   */
  synchronized void built(CommitIngested m) {
    BookState book = books.get(m.bookId());
    if (book == null) {
      return;
    }
    book.building = null;
    Set<String> keep = new HashSet<>();
    m.chapters().forEach(c -> keep.add(key(c.docId(), c.sha256())));
    CommitIngested next = pending.get(m.bookId());
    if (next != null) {
      next.chapters().forEach(c -> keep.add(key(c.docId(), c.sha256())));
    }
    book.newest.forEach((docId, sha) -> keep.add(key(docId, sha)));
    book.sources.keySet().retainAll(keep);
  }

  /** Drops every book last read from one of {@code partitions}; returns their bookIds. */
  public synchronized Set<String> release(Set<Integer> partitions) {
    Set<String> released = new HashSet<>();
    books.forEach(
        (bookId, book) -> {
          if (partitions.contains(book.partition)) {
            released.add(bookId);
          }
        });
    released.forEach(
        bookId -> {
          books.remove(bookId);
          pending.remove(bookId);
        });
    return released;
  }

  /** The source of a chapter of a manifest, which must have arrived. */
  synchronized SourceDocument source(String bookId, ChapterEntry chapter) {
    BookState book = books.get(bookId);
    SourceDocument s =
        book == null ? null : book.sources.get(key(chapter.docId(), chapter.sha256()));
    if (s == null) {
      throw new IllegalStateException("source missing for " + bookId + "/" + chapter.docId());
    }
    return s;
  }

  /** Removes and returns a pending manifest whose sources have all arrived. */
  synchronized Optional<CommitIngested> takeReady() {
    for (Iterator<CommitIngested> it = pending.values().iterator(); it.hasNext(); ) {
      CommitIngested m = it.next();
      if (ready(m)) {
        it.remove();
        books.get(m.bookId()).building = m;
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** How many manifests wait for sources. */
  synchronized int pendingCount() {
    return pending.size();
  }

  /** How many sources are held, over all books (for tests and metrics). */
  synchronized int sourceCount() {
    return books.values().stream().mapToInt(b -> b.sources.size()).sum();
  }

  /** The books held. */
  public synchronized Set<String> books() {
    return Set.copyOf(books.keySet());
  }

  private boolean ready(CommitIngested m) {
    BookState book = books.get(m.bookId());
    for (ChapterEntry c : m.chapters()) {
      if (book == null || !book.sources.containsKey(key(c.docId(), c.sha256()))) {
        return false;
      }
    }
    return true;
  }
}
