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

  /** The chapter's rendering, from the cache or converted now. */
  synchronized RenderedChapter render(Key key, SourceDocument source, Set<String> docIds) {
    RenderedChapter hit = cache.get(key);
    if (hit != null) {
      reused.increment();
      return hit;
    }
    ChapterRendering r = converter.convert(source.markdown(), ChapterContext.of(source, docIds));
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
    rendered.increment();
    return chapter;
  }

  /** Keeps only the entries the latest build of {@code bookId} used. */
  synchronized void retain(String bookId, Set<Key> used) {
    Set<Key> old = keysByBook.put(bookId, new HashSet<>(used));
    if (old != null) {
      old.removeAll(used);
      old.forEach(cache::remove);
    }
  }
}
