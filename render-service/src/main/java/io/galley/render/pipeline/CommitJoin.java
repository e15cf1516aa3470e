package io.galley.render.pipeline;

import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.events.SourceDocument;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Joins manifests with the sources they name, by content hash and in any arrival order (images are
 * in the blob store before a manifest is announced, so it never waits for them). Only the newest
 * pending manifest of a book is kept: older ones are superseded before they build.
 */
@Component
class CommitJoin {

  private final Map<String, SourceDocument> sources = new HashMap<>();
  private final Map<String, CommitIngested> pending = new LinkedHashMap<>();

  CommitJoin() {}

  private static String key(String bookId, String docId, String sha256) {
    return bookId + "/" + docId + "@" + sha256;
  }

  synchronized void onSource(SourceDocument source) {
    sources.put(key(source.bookId(), source.docId(), source.sha256()), source);
  }

  synchronized void onManifest(CommitIngested manifest) {
    pending.remove(manifest.bookId());
    pending.put(manifest.bookId(), manifest);
  }

  /** Puts back a manifest whose build failed, unless a newer one of its book is waiting. */
  synchronized void requeue(CommitIngested manifest) {
    pending.putIfAbsent(manifest.bookId(), manifest);
  }

  /** The source of a chapter of a manifest, which must have arrived. */
  synchronized SourceDocument source(String bookId, ChapterEntry chapter) {
    SourceDocument s = sources.get(key(bookId, chapter.docId(), chapter.sha256()));
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
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** How many manifests wait for sources. */
  synchronized int pendingCount() {
    return pending.size();
  }

  private boolean ready(CommitIngested m) {
    for (ChapterEntry c : m.chapters()) {
      if (!sources.containsKey(key(m.bookId(), c.docId(), c.sha256()))) {
        return false;
      }
    }
    return true;
  }
}
