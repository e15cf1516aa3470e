package io.galley.render.pipeline;

import io.galley.events.ChapterEntry;
import io.galley.events.Digests;
import io.galley.events.RenderedChapter;
import io.galley.events.SourceDocument;
import io.galley.render.markdown.ChapterContext;
import io.galley.render.markdown.ChapterRendering;
import io.galley.render.markdown.MarkdownConverter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

  static Key key(String bookId, ChapterEntry chapter, Set<String> docIds) {
    return new Key(
        bookId,
        chapter.docId(),
        chapter.sha256(),
        MarkdownConverter.RENDERER_VERSION,
        Digests.sha256Hex(String.join("\n", new TreeSet<>(docIds))),
        chapter.title());
  }

  /**
   * The chapter's rendering, from the cache or converted now; {@code sourceOf} gives the source of
   * another chapter of the book (null if none), whose heading ids links to its anchors are checked
   * against. A cached rendering is reused only while the chapters it links to are unchanged.
   */
  synchronized RenderedChapter render(
      Key key,
      SourceDocument source,
      Set<String> docIds,
      Function<String, SourceDocument> sourceOf) {
    RenderedChapter hit = cache.get(key);
    if (hit != null && linkedShas(hit, sourceOf).equals(linkedShas.get(key))) {
      reused.increment();
      return hit;
    }
    Function<String, Set<String>> headingIds =
        docId -> {
          SourceDocument other = sourceOf.apply(docId);
          return other == null ? null : headingIds(other);
        };
    ChapterRendering r =
        converter.convert(source.markdown(), ChapterContext.of(source, docIds, headingIds));
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
    cache.put(key, chapter);
    linkedShas.put(key, linkedShas(chapter, sourceOf));
    rendered.increment();
    return chapter;
  }

  /** The ids of a chapter's headings, computed once per source hash. */
  private Set<String> headingIds(SourceDocument source) {
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

  /** Keeps only the entries the latest build of {@code bookId} used. */
  synchronized void retain(String bookId, Set<Key> used) {
    Set<Key> old = keysByBook.put(bookId, new HashSet<>(used));
    if (old != null) {
      old.removeAll(used);
      old.forEach(cache::remove);
      old.forEach(linkedShas::remove);
    }
    Set<String> shas = new HashSet<>();
    keysByBook.values().forEach(keys -> keys.forEach(k -> shas.add(k.sourceSha256())));
    headingIdsBySha.keySet().retainAll(shas);
  }
}
