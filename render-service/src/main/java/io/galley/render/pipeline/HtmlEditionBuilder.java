package io.galley.render.pipeline;

import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.events.EditionFailed;
import io.galley.events.EditionFormat;
import io.galley.events.EditionIds;
import io.galley.events.EditionPublished;
import io.galley.events.RenderedChapter;
import io.galley.events.SourceDocument;
import io.galley.render.markdown.MarkdownConverter;
import io.galley.render.site.SiteBuilder;
import io.galley.render.site.SiteLibrary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a ready manifest into its HTML edition: renders (or reuses) each chapter, publishes the
 * chapters not yet published, builds the site and publishes {@link EditionPublished}.
 */
@Component
class HtmlEditionBuilder {

  private static final Logger log = LoggerFactory.getLogger(HtmlEditionBuilder.class);

  private final CommitJoin join;
  private final ChapterCache cache;
  private final SiteBuilder sites;
  private final SiteLibrary library;
  private final RenderPublisher publisher;
  private final Map<String, ChapterCache.Key> lastPublished = new HashMap<>();

  HtmlEditionBuilder(
      CommitJoin join,
      ChapterCache cache,
      SiteBuilder sites,
      SiteLibrary library,
      RenderPublisher publisher) {
    this.join = join;
    this.cache = cache;
    this.sites = sites;
    this.library = library;
    this.publisher = publisher;
  }

  /**
   * Builds the edition; a failure of the input publishes {@link EditionFailed}.
   *
   * @throws RuntimeException when even the failure cannot be published (retry later)
   */
  void build(CommitIngested m) {
    String version = MarkdownConverter.RENDERER_VERSION;
    String editionId = EditionIds.of(m, version, version, EditionFormat.HTML);
    if (library.isBuilt(m.bookId(), m.commit())) {
      library.markLatest(m.bookId(), m.commit());
      log.debug("HTML edition of {}@{} already built", m.bookId(), m.commit());
      return;
    }
    long start = System.nanoTime();
    try {
      Set<String> docIds = new LinkedHashSet<>();
      m.chapters().forEach(c -> docIds.add(c.docId()));
      Map<String, ChapterEntry> entries = new HashMap<>();
      m.chapters().forEach(c -> entries.put(c.docId(), c));
      Function<String, SourceDocument> sourceOf =
          d -> entries.containsKey(d) ? join.source(m.bookId(), entries.get(d)) : null;
      List<RenderedChapter> chapters = new ArrayList<>();
      Set<ChapterCache.Key> used = new LinkedHashSet<>();
      for (ChapterEntry entry : m.chapters()) {
        ChapterCache.Key key = ChapterCache.key(m.bookId(), entry, docIds);
        used.add(key);
        RenderedChapter chapter =
            cache.render(key, join.source(m.bookId(), entry), docIds, sourceOf);
        chapters.add(chapter);
        if (!key.equals(lastPublished.get(chapter.key()))) {
          publisher.chapter(chapter, m.commit());
          lastPublished.put(chapter.key(), key);
        }
      }
      cache.retain(m.bookId(), used);
      SiteBuilder.BuiltSite site = sites.build(m, chapters);
      library.markLatest(m.bookId(), m.commit());
      long millis = (System.nanoTime() - start) / 1_000_000;
      publisher.edition(
          new EditionPublished(
              editionId,
              m.bookId(),
              m.commit(),
              EditionFormat.HTML,
              site.indexSha256(),
              site.indexBytes(),
              null,
              m.committedAt(),
              millis,
              "/books/" + m.bookId() + "/@" + m.commit() + "/"));
      log.info("built HTML edition of {}@{} in {} ms", m.bookId(), m.commit(), millis);
    } catch (PublishException e) {
      throw e;
    } catch (RuntimeException e) {
      log.error("HTML edition of {}@{} failed", m.bookId(), m.commit(), e);
      publisher.edition(
          new EditionFailed(
              editionId,
              m.bookId(),
              m.commit(),
              EditionFormat.HTML,
              String.valueOf(e),
              m.committedAt()));
    }
  }
}
