package io.galley.render.build;

import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.events.EditionFailed;
import io.galley.events.EditionFormat;
import io.galley.events.EditionIds;
import io.galley.events.EditionPublished;
import io.galley.events.RenderedChapter;
import io.galley.events.SourceDocument;
import io.galley.render.markdown.MarkdownConverter;
import io.galley.render.publishing.PublishException;
import io.galley.render.publishing.RenderPublisher;
import io.galley.render.site.SiteBuilder;
import io.galley.render.site.SiteLibrary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Turns a ready manifest into its HTML edition: renders (or reuses) the chapters in parallel,
 * publishes the chapters not yet published (before building the site, without waiting), builds the
 * site, puts it in the blob store and, once the chapters are acknowledged, publishes {@link
 * EditionPublished} naming the site's index blob.
 */
@Component
class EditionBuildJob implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(EditionBuildJob.class);

  private final ManifestJoin join;
  private final ChapterCache cache;
  private final SiteBuilder sites;
  private final SiteLibrary library;
  private final RenderPublisher publisher;
  private final Map<String, ChapterCache.Key> lastPublished = new HashMap<>();
  private volatile boolean building;

  /** Renders chapters and writes site pages in parallel: one thread per core, no more. */
  private final ExecutorService pool =
      Executors.newFixedThreadPool(
          Runtime.getRuntime().availableProcessors(),
          r -> {
            Thread t = new Thread(r, "render-pool");
            t.setDaemon(true);
            return t;
          });

  EditionBuildJob(
      ManifestJoin join,
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

  /** False while a build runs. */
  boolean idle() {
    return !building;
  }

  /** Waits for the chapters sent to be acknowledged, then remembers them as published. */
  private void acknowledged(
      RenderPublisher.Acknowledgements acks, Map<String, ChapterCache.Key> sent) {
    acks.await();
    lastPublished.putAll(sent);
    sent.clear();
  }

  /** Forgets which chapters of a book were published (another instance owns it now). */
  void forget(String bookId) {
    lastPublished.keySet().removeIf(key -> key.startsWith(bookId + "/"));
  }

  @Override
  public void destroy() {
    pool.shutdownNow();
  }

  /**
   * Builds the edition; the caller decides whether a failure is retried or published with {@link
   * #fail}.
   *
   * @throws PublishException when Kafka did not take the results (retry later)
   * @throws RuntimeException or {@link Error} when the build failed
   */
  void build(CommitIngested m) {
    building = true;
    try {
      buildEdition(m);
    } finally {
      building = false;
    }
  }

  private void buildEdition(CommitIngested m) {
    String version = MarkdownConverter.RENDERER_VERSION;
    String editionId = EditionIds.of(m, version, version, EditionFormat.HTML);
    if (library.siteIndex(m.bookId(), m.commit()).isPresent()) {
      library.markLatest(m.bookId(), m.commit(), m.committedAt());
      log.debug("HTML edition of {}@{} already published", m.bookId(), m.commit());
      return;
    }
    long start = System.nanoTime();
    RenderPublisher.Acknowledgements acks = () -> {};
    Map<String, ChapterCache.Key> sent = new HashMap<>();
    try {
      Set<String> docIds = new LinkedHashSet<>();
      m.chapters().forEach(c -> docIds.add(c.docId()));
      Map<String, ChapterEntry> entries = new HashMap<>();
      m.chapters().forEach(c -> entries.put(c.docId(), c));
      Function<String, SourceDocument> sourceOf =
          d -> entries.containsKey(d) ? join.source(m.bookId(), entries.get(d)) : null;
      String docIdsDigest = ChapterCache.docIdsDigest(docIds);
      List<ChapterCache.Job> jobs = new ArrayList<>();
      Set<ChapterCache.Key> used = new LinkedHashSet<>();
      for (ChapterEntry entry : m.chapters()) {
        ChapterCache.Key key = ChapterCache.key(m.bookId(), entry, docIdsDigest);
        used.add(key);
        jobs.add(new ChapterCache.Job(key, join.source(m.bookId(), entry)));
      }
      List<RenderedChapter> chapters = cache.renderAll(jobs, docIds, sourceOf, pool);
      long rendered = System.nanoTime();
      // the chapters go out before the site is built: export waits for them (EPUB)
      List<RenderedChapter> fresh = new ArrayList<>();
      Map<String, ChapterCache.Key> freshKeys = new HashMap<>();
      for (int i = 0; i < chapters.size(); i++) {
        RenderedChapter chapter = chapters.get(i);
        ChapterCache.Key key = jobs.get(i).key();
        if (!key.equals(lastPublished.get(chapter.key()))) {
          fresh.add(chapter);
          freshKeys.put(chapter.key(), key);
        }
      }
      acks = publisher.chapters(fresh, m.commit());
      sent.putAll(freshKeys);
      cache.retain(m.bookId(), used);
      SiteBuilder.BuiltSite site = sites.build(m, chapters, pool);
      long built = System.nanoTime();
      acknowledged(acks, sent);
      // the site is in the blob store (SiteBuilder returns once it is durable): announce it
      List<String> retired =
          library.publishedHere(
              m.bookId(), m.commit(), editionId, site.siteIndex().sha256(), m.committedAt());
      library.markLatest(m.bookId(), m.commit(), m.committedAt());
      long millis = (System.nanoTime() - start) / 1_000_000;
      publisher.edition(
          new EditionPublished(
              editionId,
              m.bookId(),
              m.commit(),
              EditionFormat.HTML,
              site.siteIndex().sha256(),
              site.siteIndex().size(),
              null,
              m.committedAt(),
              millis,
              "/books/" + m.bookId() + "/@" + m.commit() + "/"));
      publisher.retire(m.bookId(), retired);
      log.info(
          "built HTML edition of {}@{} in {} ms: {} chapters in {} ms ({} published), site in {}"
              + " ms",
          m.bookId(),
          m.commit(),
          millis,
          chapters.size(),
          (rendered - start) / 1_000_000,
          fresh.size(),
          (built - rendered) / 1_000_000);
    } catch (PublishException e) {
      throw e;
    } catch (RuntimeException | Error e) {
      acknowledged(acks, sent);
      throw e;
    }
  }

  /** Publishes that the HTML edition of {@code m} cannot be built, and why. */
  void fail(CommitIngested m, String reason) {
    String version = MarkdownConverter.RENDERER_VERSION;
    publisher.edition(
        new EditionFailed(
            EditionIds.of(m, version, version, EditionFormat.HTML),
            m.bookId(),
            m.commit(),
            EditionFormat.HTML,
            reason,
            m.committedAt()));
  }
}
