package io.galley.render.build;

import io.galley.events.ChapterEntry;
import io.galley.events.Digests;
import io.galley.events.RenderedChapter;
import io.galley.events.SourceDocument;
import io.galley.render.ParallelWork;
import io.galley.render.markdown.ChapterContext;
import io.galley.render.markdown.ChapterDraft;
import io.galley.render.markdown.ChapterRendering;
import io.galley.render.markdown.MarkdownConverter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Rendered chapters by what they were rendered from (source hash, renderer version, the book's
 * docIds, title), so an unchanged chapter is reused instead of rendered again.
 */
@Component
class ChapterCache {

  /** What a rendering depends on. */
  record Key(
      String bookId,
      String docId,
      String sourceSha256,
      String rendererVersion,
      String docIds,
      String title) {}

  private final MarkdownConverter converter;
  private final Counter rendered;
  private final Counter reused;
  private final Map<Key, RenderedChapter> cache = new HashMap<>();
  private final Map<String, Set<Key>> keysByBook = new HashMap<>();
  private final Map<Key, Map<String, String>> linkedShas = new HashMap<>();
  private final Map<String, Set<String>> headingIdsBySha = new HashMap<>();

  ChapterCache(MarkdownConverter converter, MeterRegistry registry) {
    this.converter = converter;
    this.rendered =
        Counter.builder("galley.render.chapters.rendered")
            .description("chapters converted from Markdown")
            .register(registry);
    this.reused =
        Counter.builder("galley.render.chapters.reused")
            .description("chapters taken unchanged from the cache")
            .register(registry);
  }

  /** A chapter to render under {@code key} from {@code source}. */
  record Job(Key key, SourceDocument source) {}

  static Key key(String bookId, ChapterEntry chapter, Set<String> docIds) {
    return key(bookId, chapter, docIdsDigest(docIds));
  }

  /** The key of a chapter of a book whose {@link #docIdsDigest} is {@code docIdsDigest}. */
  static Key key(String bookId, ChapterEntry chapter, String docIdsDigest) {
    return new Key(
        bookId,
        chapter.docId(),
        chapter.sha256(),
        MarkdownConverter.RENDERER_VERSION,
        docIdsDigest,
        chapter.title());
  }

  /** What the keys of a book's chapters say about its docIds (computed once per build). */
  static String docIdsDigest(Set<String> docIds) {
    return Digests.sha256Hex(String.join("\n", new TreeSet<>(docIds)));
  }

  /**
   * The chapter's rendering, from the cache or converted now; {@code sourceOf} gives the source of
   * another chapter of the book (null if none), whose heading ids links to its anchors are checked
   * against. A cached rendering is reused only while the chapters it links to are unchanged.
   */
  RenderedChapter render(
      Key key,
      SourceDocument source,
      Set<String> docIds,
      Function<String, SourceDocument> sourceOf) {
    return renderAll(List.of(new Job(key, source)), docIds, sourceOf, Runnable::run).get(0);
  }

  /**
   * The renderings of a book's chapters, in the order of {@code jobs}: reused from the cache where
   * possible, else converted once each on {@code executor}. Links to other chapters' anchors are
   * then checked against the headings of the chapters of this same call (other chapters' heading
   * ids are computed once per source hash).
   */
  List<RenderedChapter> renderAll(
      List<Job> jobs,
      Set<String> docIds,
      Function<String, SourceDocument> sourceOf,
      Executor executor) {
    Set<String> bookDocIds = Set.copyOf(docIds); // copied once, not once per chapter
    RenderedChapter[] out = new RenderedChapter[jobs.size()];
    List<Integer> misses = new ArrayList<>();
    synchronized (this) {
      for (int i = 0; i < jobs.size(); i++) {
        Key key = jobs.get(i).key();
        RenderedChapter hit = cache.get(key);
        if (hit != null && linkedShas(hit, sourceOf).equals(linkedShas.get(key))) {
          reused.increment();
          out[i] = hit;
        } else {
          misses.add(i);
        }
      }
    }
    List<ChapterDraft> drafts =
        ParallelWork.map(
            misses,
            i -> {
              SourceDocument source = jobs.get(i).source();
              return converter.draft(source.markdown(), ChapterContext.of(source, bookDocIds));
            },
            executor);
    Map<String, Set<String>> idsBySha = new HashMap<>();
    for (int i = 0; i < jobs.size(); i++) {
      if (out[i] != null) {
        idsBySha.put(jobs.get(i).source().sha256(), headingIds(out[i]));
      }
    }
    for (int m = 0; m < misses.size(); m++) {
      idsBySha.put(
          jobs.get(misses.get(m)).source().sha256(), Set.copyOf(drafts.get(m).headingIds()));
    }
    Function<String, Set<String>> headingIds =
        docId -> {
          SourceDocument other = sourceOf.apply(docId);
          if (other == null) {
            return null;
          }
          Set<String> ids = idsBySha.get(other.sha256());
          return ids != null ? ids : headingIds(other);
        };
    for (int m = 0; m < misses.size(); m++) {
      Key key = jobs.get(misses.get(m)).key();
      ChapterRendering r = drafts.get(m).finish(headingIds);
      RenderedChapter chapter =
          new RenderedChapter(
              key.bookId(),
              key.docId(),
              key.sourceSha256(),
              key.rendererVersion(),
              key.title(),
              r.xhtml(),
              r.headings(),
              r.docRefs(),
              r.assets(),
              r.warnings());
      synchronized (this) {
        cache.put(key, chapter);
        linkedShas.put(key, linkedShas(chapter, sourceOf));
      }
      rendered.increment();
      out[misses.get(m)] = chapter;
    }
    return List.of(out);
  }

  private static Set<String> headingIds(RenderedChapter chapter) {
    Set<String> ids = new HashSet<>();
    chapter.headings().forEach(h -> ids.add(h.id()));
    return ids;
  }

  /** The ids of a chapter's headings, computed once per source hash. */
  private synchronized Set<String> headingIds(SourceDocument source) {
    return headingIdsBySha.computeIfAbsent(
        source.sha256(), sha -> converter.headingIds(source.markdown()));
  }

  private static Map<String, String> linkedShas(
      RenderedChapter chapter, Function<String, SourceDocument> sourceOf) {
    Map<String, String> shas = new HashMap<>();
    for (String docId : chapter.docRefs()) {
      SourceDocument other = sourceOf.apply(docId);
      shas.put(docId, other == null ? "" : other.sha256());
    }
    return shas;
  }

  /** Drops every entry of a book (another instance owns it now). */
  synchronized void forget(String bookId) {
    Set<Key> old = keysByBook.remove(bookId);
    if (old != null) {
      old.forEach(cache::remove);
      old.forEach(linkedShas::remove);
    }
    retainHeadingIds();
  }

  /** Keeps only the entries the latest build of {@code bookId} used. */
  synchronized void retain(String bookId, Set<Key> used) {
    Set<Key> old = keysByBook.put(bookId, new HashSet<>(used));
    if (old != null) {
      old.removeAll(used);
      old.forEach(cache::remove);
      old.forEach(linkedShas::remove);
    }
    retainHeadingIds();
  }

  private void retainHeadingIds() {
    Set<String> shas = new HashSet<>();
    keysByBook.values().forEach(keys -> keys.forEach(k -> shas.add(k.sourceSha256())));
    headingIdsBySha.keySet().retainAll(shas);
  }
}
