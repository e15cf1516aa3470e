package io.galley.export.history;

import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.events.RenderedChapter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rendered chapters of one book that its history may still compare: the newest rendering of
 * each chapter, and every older one a kept commit names (counted, so dropping a commit costs its
 * chapter count, not a scan of the others). The texts held grow with the commits kept, not with the
 * book's history. Not thread-safe: {@link EditionHistory} guards it.
 */
final class ChapterVersions {

  private final Map<String, RenderedChapter> byVersion = new HashMap<>(); // docId@sha256
  private final Map<String, String> newest = new HashMap<>(); // docId -> sha256 of the newest
  private final Map<String, Integer> named = new HashMap<>(); // docId@sha256 -> kept commits

  /**
   * Keeps a rendering; the one it replaces as its chapter's newest goes unless a commit names it.
   */
  void add(RenderedChapter chapter) {
    String docId = chapter.docId();
    byVersion.put(version(docId, chapter.sourceSha256()), chapter);
    String previous = newest.put(docId, chapter.sourceSha256());
    if (previous != null && !previous.equals(chapter.sourceSha256())) {
      dropIfUnused(docId, previous);
    }
  }

  /** A kept commit names these chapter versions. */
  void retain(CommitIngested manifest) {
    for (ChapterEntry c : manifest.chapters()) {
      named.merge(version(c.docId(), c.sha256()), 1, Integer::sum);
    }
  }

  /** A commit is no longer kept: the versions only it named go (unless they are the newest). */
  void release(CommitIngested manifest) {
    for (ChapterEntry c : manifest.chapters()) {
      String version = version(c.docId(), c.sha256());
      if (named.merge(version, -1, Integer::sum) <= 0) {
        named.remove(version);
      }
      dropIfUnused(c.docId(), c.sha256());
    }
  }

  Optional<RenderedChapter> get(String docId, String sha256) {
    return Optional.ofNullable(byVersion.get(version(docId, sha256)));
  }

  /** How many renderings are held. */
  int size() {
    return byVersion.size();
  }

  private void dropIfUnused(String docId, String sha256) {
    String version = version(docId, sha256);
    if (!named.containsKey(version) && !sha256.equals(newest.get(docId))) {
      byVersion.remove(version);
    }
  }

  private static String version(String docId, String sha256) {
    return docId + "@" + sha256;
  }
}
