package io.galley.export.assembly;

import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.events.RenderedChapter;
import io.galley.export.edition.AssetSource;
import io.galley.export.edition.BookContent;
import io.galley.export.edition.PipelineObserver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Joins manifests with rendered chapters by content hash. A manifest is ready when a rendered
 * chapter with each chapter's source hash has arrived, in any order (its images are in the blob
 * store before it is announced, so it never waits for them); the newest ready manifest of a book
 * goes to the build queue, older ones are dropped.
 */
final class ManifestJoin {

  private record Pending(long seq, CommitIngested manifest) {}

  private final AssetSource assets;
  private final CoalescingBuildQueue queue;
  private final PipelineObserver observer;
  private final Map<String, RenderedChapter> rendered = new HashMap<>();
  private final Map<String, Long> seqByManifest = new HashMap<>();
  private final Map<String, List<Pending>> waiting = new HashMap<>();
  private final Map<String, Long> handedOver = new HashMap<>();
  private long seq;

  ManifestJoin(AssetSource assets, CoalescingBuildQueue queue) {
    this(assets, queue, PipelineObserver.NONE);
  }

  ManifestJoin(AssetSource assets, CoalescingBuildQueue queue, PipelineObserver observer) {
    this.assets = assets;
    this.queue = queue;
    this.observer = observer;
  }

  /** A manifest arrived; duplicates keep their first position. */
  synchronized void onManifest(CommitIngested manifest) {
    String key = manifest.bookId() + "@" + manifest.commit() + "@" + manifest.manifestHash();
    Long known = seqByManifest.get(key);
    if (known != null) {
      return;
    }
    long position = ++seq;
    seqByManifest.put(key, position);
    observer.accepted(manifest);
    if (position <= handedOver.getOrDefault(manifest.bookId(), 0L)) {
      observer.superseded(manifest);
      return;
    }
    waiting
        .computeIfAbsent(manifest.bookId(), b -> new ArrayList<>())
        .add(new Pending(position, manifest));
    check(manifest.bookId());
  }

  /** A rendered chapter arrived. */
  synchronized void onRendered(RenderedChapter chapter) {
    rendered.put(key(chapter.bookId(), chapter.docId(), chapter.sourceSha256()), chapter);
    check(chapter.bookId());
  }

  private void check(String bookId) {
    List<Pending> pending = waiting.getOrDefault(bookId, List.of());
    for (int i = pending.size() - 1; i >= 0; i--) {
      Pending candidate = pending.get(i);
      Optional<BookContent> content = content(candidate.manifest());
      if (content.isPresent()) {
        pending.subList(0, i).forEach(older -> observer.superseded(older.manifest()));
        pending.subList(0, i + 1).clear();
        handedOver.put(bookId, candidate.seq());
        queue.offer(bookId, candidate.seq(), content.get());
        return;
      }
    }
  }

  private Optional<BookContent> content(CommitIngested manifest) {
    List<RenderedChapter> chapters = new ArrayList<>();
    for (ChapterEntry entry : manifest.chapters()) {
      RenderedChapter chapter = rendered.get(key(manifest.bookId(), entry.docId(), entry.sha256()));
      if (chapter == null) {
        return Optional.empty();
      }
      chapters.add(chapter);
    }
    return Optional.of(new BookContent(manifest, chapters, assets));
  }

  private static String key(String bookId, String docId, String sha256) {
    return bookId + "/" + docId + "@" + sha256;
  }
}
