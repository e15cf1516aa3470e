package io.galley.render.site;

import io.galley.blob.BlobRef;
import io.galley.events.AssetRef;
import io.galley.events.CommitIngested;
import io.galley.events.Digests;
import io.galley.events.Heading;
import io.galley.events.RenderedChapter;
import io.galley.render.ParallelWork;
import io.galley.render.assets.AssetStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Writes the HTML site of a commit to {@code sites/<bookId>/<commit>/}: pages, images and the
 * stylesheet are written to a temporary folder which is then renamed, so a site is complete or
 * absent; then puts the site in the blob store (its files and a {@link SiteIndex}), so any instance
 * can serve it. An image missing from the store fails the build, naming it.
 */
@Component
public class SiteBuilder {

  private static final Logger log = LoggerFactory.getLogger(SiteBuilder.class);

  private final SiteLibrary library;
  private final AssetStore assets;
  private final SiteStorage storage;
  private final Map<String, Previous> previous = new ConcurrentHashMap<>();

  /** A builder writing into the library, taking images from the asset store. */
  public SiteBuilder(SiteLibrary library, AssetStore assets) {
    this(library, assets, new SiteStorage(assets.blobs()));
  }

  /** A builder putting its sites in {@code storage}, which the service's reader shares. */
  @Autowired
  SiteBuilder(SiteLibrary library, AssetStore assets, SiteStorage storage) {
    this.library = library;
    this.assets = assets;
    this.storage = storage;
  }

  /**
   * What a build wrote: the site folder, its index page's hash and size, and the site's index blob
   * in the store.
   */
  public record BuiltSite(Path dir, String indexSha256, long indexBytes, BlobRef siteIndex) {}

  /** What a chapter page's fingerprint and search entries are computed from. */
  private record PageSource(String docId, String title, String xhtml, List<Heading> headings) {
    static PageSource of(RenderedChapter c) {
      return new PageSource(c.docId(), c.title(), c.xhtml(), c.headings());
    }
  }

  /** What the site takes from a chapter alone, kept between builds. */
  private record ChapterFacts(PageFingerprints.Part part, SearchIndex.Chunk search) {}

  /**
   * A chapter's facts, its page's fingerprint and whether the page was taken from the last site.
   */
  private record ChapterPage(ChapterFacts facts, String fingerprint, boolean reused) {}

  /** The last site built of a book: its page fingerprints and its chapters' facts. */
  private record Previous(
      String commit, Map<String, String> pages, Map<PageSource, ChapterFacts> facts) {}

  /**
   * Builds the site of {@code manifest} from its rendered chapters, in reading order. Chapter pages
   * and images that the last site built of the book has with the same content are hard-linked from
   * it (or copied) instead of being written again; the result is the same bytes either way.
   */
  public BuiltSite build(CommitIngested manifest, List<RenderedChapter> chapters) {
    return build(manifest, chapters, Runnable::run);
  }

  /**
   * Builds the site like {@link #build(CommitIngested, List)}, writing the chapter pages (each
   * fragment parsed once, for its page and its search entries) in parallel on {@code executor}.
   */
  public BuiltSite build(
      CommitIngested manifest, List<RenderedChapter> chapters, Executor executor) {
    Path target = library.siteDir(manifest.bookId(), manifest.commit());
    Path tmp = target.resolveSibling(".building-" + manifest.commit());
    try {
      SiteFiles.deleteRecursively(tmp);
      Files.createDirectories(tmp);
      Map<String, String> mediaTypes = new LinkedHashMap<>();
      Map<String, String> imagePaths = new HashMap<>();
      for (AssetRef a : manifest.assets()) {
        mediaTypes.putIfAbsent(a.sha256(), a.mediaType());
        imagePaths.putIfAbsent(a.sha256(), a.path());
      }
      for (RenderedChapter c : chapters) {
        c.assets().forEach(a -> mediaTypes.putIfAbsent(a.sha256(), a.mediaType()));
      }
      Previous prev = previous.get(manifest.bookId());
      Path from = prev == null ? null : library.siteDir(manifest.bookId(), prev.commit());
      if (from != null && (prev.commit().equals(manifest.commit()) || !Files.isDirectory(from))) {
        from = null;
      }
      Map<String, Integer> lastWriter = new HashMap<>();
      for (int i = 0; i < chapters.size(); i++) {
        lastWriter.put(SiteLinks.pagePath(chapters.get(i).docId()), i);
      }
      // when two chapters share a page, nothing is reused and no fingerprint is kept
      boolean distinctPages = lastWriter.size() == chapters.size();
      Path source = distinctPages ? from : null;
      Map<String, String> prevPages = prev == null ? Map.of() : prev.pages();
      Map<PageSource, ChapterFacts> prevFacts = prev == null ? Map.of() : prev.facts();
      byte[] shared = PageFingerprints.shared(manifest.book(), chapters, manifest.chapters());
      SitePages pages = new SitePages(manifest, chapters, mediaTypes);
      byte[] index = pages.index().getBytes(StandardCharsets.UTF_8);
      Files.write(tmp.resolve("index.html"), index);
      SiteContents contents = storage.contents(from == null ? null : prev.commit());
      contents.written("index.html", index);
      Path shardsFrom = from;
      Set<String> shards = ConcurrentHashMap.newKeySet();
      List<ChapterPage> written =
          ParallelWork.map(
              IntStream.range(0, chapters.size()).boxed().toList(),
              i -> {
                RenderedChapter c = chapters.get(i);
                String page = SiteLinks.pagePath(c.docId());
                ChapterFacts known = prevFacts.get(PageSource.of(c));
                PageFingerprints.Part part =
                    known != null ? known.part() : PageFingerprints.part(c);
                String fingerprint = PageFingerprints.of(shared, part, mediaTypes);
                if (source != null
                    && known != null
                    && fingerprint.equals(prevPages.get(page))
                    && SiteFiles.reuse(source, tmp, page)) {
                  contents.linked(page);
                  writeShard(known.search(), shardsFrom, tmp, shards, contents);
                  return new ChapterPage(known, fingerprint, true);
                }
                Document fragment = Jsoup.parseBodyFragment(c.xhtml());
                SearchIndex.Chunk search =
                    known != null
                        ? known.search()
                        : SearchIndex.Chunk.of(SearchIndex.of(c, fragment));
                writeShard(search, shardsFrom, tmp, shards, contents);
                if (lastWriter.get(page).equals(i)) {
                  byte[] html = pages.chapter(i, fragment).getBytes(StandardCharsets.UTF_8);
                  SiteFiles.write(tmp, page, html);
                  contents.written(page, html);
                }
                return new ChapterPage(new ChapterFacts(part, search), fingerprint, false);
              },
              executor);
      for (Map.Entry<String, String> a : mediaTypes.entrySet()) {
        String file = SiteLinks.assetPath(a.getKey(), a.getValue());
        if (from != null && SiteFiles.reuse(from, tmp, file)) {
          contents.linked(file);
        } else {
          assets.copyTo(a.getKey(), imagePaths.getOrDefault(a.getKey(), file), tmp.resolve(file));
          contents.copied(file);
        }
      }
      for (String resource : List.of("style.css", "search.js")) {
        try (InputStream in = SiteBuilder.class.getResourceAsStream(resource)) {
          byte[] bytes = in.readAllBytes();
          Files.write(tmp.resolve(resource), bytes);
          contents.written(resource, bytes);
        }
      }
      Map<String, String> fingerprints = new HashMap<>();
      Map<PageSource, ChapterFacts> facts = new HashMap<>();
      List<SearchIndex.Chunk> search = new ArrayList<>();
      for (int i = 0; i < chapters.size(); i++) {
        ChapterPage page = written.get(i);
        facts.put(PageSource.of(chapters.get(i)), page.facts());
        search.add(page.facts().search());
        if (distinctPages) {
          fingerprints.put(SiteLinks.pagePath(chapters.get(i).docId()), page.fingerprint());
        }
      }
      contents.written(
          SearchIndex.LIST, SearchIndex.writeList(tmp.resolve(SearchIndex.LIST), search));
      if (Files.exists(target)) {
        SiteFiles.deleteRecursively(tmp); // built meanwhile; sites of one commit are identical
      } else {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      }
      BlobRef siteIndex =
          storage.store(
              manifest.bookId(), manifest.commit(), target, contents, mediaTypes.keySet());
      previous.put(manifest.bookId(), new Previous(manifest.commit(), fingerprints, facts));
      // this site and the one it reused pages from stay; older ones are served from the store
      Set<String> keep = new HashSet<>();
      keep.add(manifest.commit());
      if (prev != null) {
        keep.add(prev.commit());
      }
      try {
        library.pruneBuilt(manifest.bookId(), keep);
      } catch (IOException e) {
        // the site is built and stored; an old folder left behind is pruned after the next build
        log.warn("could not delete old site folders of {}: {}", manifest.bookId(), e.toString());
      }
      int reused = (int) written.stream().filter(ChapterPage::reused).count();
      log.debug(
          "site of {}@{}: {} of {} chapter pages reused",
          manifest.bookId(),
          manifest.commit(),
          reused,
          chapters.size());
      return new BuiltSite(target, Digests.sha256Hex(index), index.length, siteIndex);
    } catch (IOException e) {
      throw new UncheckedIOException("could not build the site of " + manifest.commit(), e);
    }
  }

  /**
   * Writes a chapter's search shard unless another chapter already did; a shard's name is the
   * digest of its entries, so the last site's file of that name is taken as it is.
   */
  private static void writeShard(
      SearchIndex.Chunk chunk, Path from, Path tmp, Set<String> written, SiteContents contents) {
    if (chunk.name() == null || !written.add(chunk.name())) {
      return;
    }
    if (from != null && SiteFiles.reuse(from, tmp, chunk.path())) {
      contents.linked(chunk.path());
    } else {
      SiteFiles.write(tmp, chunk.path(), chunk.script());
      contents.written(chunk.path(), chunk.script());
    }
  }
}
