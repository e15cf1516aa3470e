package io.galley.render.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.galley.blob.BlobStore;
import io.galley.blob.CachingBlobStore;
import io.galley.blob.DirectoryBlobStore;
import io.galley.events.CommitIngested;
import io.galley.events.EditionEvent;
import io.galley.events.EditionFormat;
import io.galley.events.EditionPublished;
import io.galley.events.RenderedChapter;
import io.galley.events.Topics;
import io.galley.kafka.TopicProgress;
import io.galley.render.RenderProperties;
import io.galley.render.assets.AssetStore;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * Two render instances on one blob store: the one that did not build a site serves it, pinned,
 * latest and zipped, from the store through its own bounded cache, byte for byte as built.
 */
class SiteFromStoreTest {

  private static final long CACHE_BYTES = 16 * 1024;
  private static final String FIRST = "c".repeat(40);
  private static final String SECOND = "d".repeat(40);

  @TempDir Path dir;

  @Test
  void anInstanceThatDidNotBuildASiteServesItFromTheStore() throws Exception {
    Path shared = dir.resolve("blobs");
    // instance A builds two commits of the book
    AssetStore assetsA = new AssetStore(shared);
    assetsA.put(SiteBuilderTest.SHA, SiteBuilderTest.IMAGE);
    SiteBuilder builderA = new SiteBuilder(new SiteLibrary(dir.resolve("a/sites")), assetsA);
    CommitIngested first = SiteBuilderTest.manifest();
    SiteBuilder.BuiltSite site1 = builderA.build(first, SiteBuilderTest.chapters());
    CommitIngested second = commit(first, SECOND, first.committedAt().plusSeconds(60));
    SiteBuilder.BuiltSite site2 = builderA.build(second, changedIntro());

    // instance B: its own state folder, the same store behind a cache smaller than the sites
    Path cacheDir = dir.resolve("b/cache");
    try (CachingBlobStore cached =
        new CachingBlobStore(new DirectoryBlobStore(shared), cacheDir, CACHE_BYTES)) {
      SiteLibrary libraryB = new SiteLibrary(dir.resolve("b/sites"));
      // no broker: the listener only notes the offsets it processed
      HtmlEditionListener listenerB =
          new HtmlEditionListener(
              libraryB,
              new TopicProgress(
                  new KafkaAdmin(Map.of("bootstrap.servers", "127.0.0.1:1")), Topics.EDITIONS));
      // editions arrive in any order; the newer commit stays latest
      listenerB.on(record(0, published(second, site2)));
      listenerB.on(record(1, published(first, site1)));
      MockMvc b =
          MockMvcBuilders.standaloneSetup(
                  new SiteController(
                      libraryB,
                      new SiteReader(libraryB, new SiteStorage(cached)),
                      properties(dir.resolve("b"))))
              .build();

      for (Path file : files(site1.dir())) {
        String rest = site1.dir().relativize(file).toString().replace('\\', '/');
        b.perform(get("/books/book/@" + FIRST + "/" + rest))
            .andExpect(status().isOk())
            .andExpect(content().bytes(Files.readAllBytes(file)));
      }
      // the second site was stored knowing its unchanged (hard-linked) pages from the first:
      // every file of it is still served as built
      for (Path file : files(site2.dir())) {
        String rest = site2.dir().relativize(file).toString().replace('\\', '/');
        b.perform(get("/books/book/@" + SECOND + "/" + rest))
            .andExpect(status().isOk())
            .andExpect(content().bytes(Files.readAllBytes(file)));
      }
      b.perform(get("/books/book/@" + FIRST + "/"))
          .andExpect(status().isOk())
          .andExpect(header().string("Content-Type", "text/html;charset=UTF-8"))
          .andExpect(content().bytes(Files.readAllBytes(site1.dir().resolve("index.html"))));
      b.perform(get("/books/book/@" + FIRST + "/assets/" + SiteBuilderTest.SHA + ".png"))
          .andExpect(header().string("Content-Type", "image/png"))
          .andExpect(content().bytes(SiteBuilderTest.IMAGE));
      // read through B's bounded cache (checked now: the reads below may evict it)
      assertThat(cacheDir).isDirectoryRecursivelyContaining("glob:**/" + SiteBuilderTest.SHA);
      b.perform(get("/books/book/intro.html"))
          .andExpect(status().isOk())
          .andExpect(content().bytes(Files.readAllBytes(site2.dir().resolve("intro.html"))))
          .andExpect(content().string(org.hamcrest.Matchers.containsString("second edition")));
      String zipName = "book-" + FIRST.substring(0, 12);
      b.perform(get("/books/book/@" + FIRST + ".zip"))
          .andExpect(status().isOk())
          .andExpect(
              header()
                  .string("Content-Disposition", "attachment; filename=\"" + zipName + ".zip\""))
          .andExpect(content().bytes(SiteZip.of(site1.dir(), zipName)));
      b.perform(get("/books/book/@" + "e".repeat(40) + "/")).andExpect(status().isNotFound());

      // B built nothing, and what it read from the store went through its bounded cache
      assertThat(libraryB.isBuilt("book", FIRST)).isFalse();
      assertThat(libraryB.isBuilt("book", SECOND)).isFalse();
      assertThat(cached.cachedBytes()).isPositive().isLessThanOrEqualTo(CACHE_BYTES);
    }
  }

  @Test
  void aBuildReturnsOnlyOnceEveryFileOfItsIndexIsInTheStore() throws Exception {
    Path shared = dir.resolve("blobs");
    AssetStore assets = new AssetStore(shared);
    assets.put(SiteBuilderTest.SHA, SiteBuilderTest.IMAGE);
    assertStoresEveryFile(new SiteBuilder(new SiteLibrary(dir.resolve("sites")), assets), shared);
  }

  @Test
  void filesWithNoRoomToWaitInMemoryAreStoredFromTheFolder() throws Exception {
    Path shared = dir.resolve("blobs");
    AssetStore assets = new AssetStore(shared);
    assets.put(SiteBuilderTest.SHA, SiteBuilderTest.IMAGE);
    // no bytes may wait for an early put (as when a big book's full build outruns the store)
    SiteStorage storage = new SiteStorage(assets.blobs(), new SiteUpload(assets.blobs(), 0));
    assertStoresEveryFile(
        new SiteBuilder(new SiteLibrary(dir.resolve("sites")), assets, storage), shared);
  }

  @Test
  void aBuildWithRoomForOnePageAtATimeStoresEveryFile() throws Exception {
    // the sizes of the site's pages, from a build of it elsewhere
    AssetStore probeAssets = new AssetStore(dir.resolve("probe-blobs"));
    probeAssets.put(SiteBuilderTest.SHA, SiteBuilderTest.IMAGE);
    SiteBuilder.BuiltSite probe =
        new SiteBuilder(new SiteLibrary(dir.resolve("probe-sites")), probeAssets)
            .build(SiteBuilderTest.manifest(), SiteBuilderTest.chapters());
    long biggest = 0;
    long total = 0;
    for (Path file : files(probe.dir())) {
      biggest = Math.max(biggest, Files.size(file));
      total += Files.size(file);
    }
    // room for the biggest page only: the builder waits for puts to free room, again and again
    assertThat(total).isGreaterThan(2 * biggest);
    Path shared = dir.resolve("blobs");
    AssetStore assets = new AssetStore(shared);
    assets.put(SiteBuilderTest.SHA, SiteBuilderTest.IMAGE);
    SiteStorage storage =
        new SiteStorage(assets.blobs(), new SiteUpload(assets.blobs(), (int) biggest));
    assertStoresEveryFile(
        new SiteBuilder(new SiteLibrary(dir.resolve("sites")), assets, storage), shared);
  }

  private void assertStoresEveryFile(SiteBuilder builder, Path shared) throws Exception {
    CommitIngested first = SiteBuilderTest.manifest();
    assertIndexHoldsEveryFile(builder.build(first, SiteBuilderTest.chapters()), shared, FIRST);
    // the second build links the unchanged pages from the first: its index names them all too
    CommitIngested second = commit(first, SECOND, first.committedAt().plusSeconds(60));
    assertIndexHoldsEveryFile(builder.build(second, changedIntro()), shared, SECOND);
  }

  private static void assertIndexHoldsEveryFile(
      SiteBuilder.BuiltSite site, Path shared, String commit) throws Exception {
    try (BlobStore other = new DirectoryBlobStore(shared)) {
      SiteIndex index = new SiteStorage(other).index(site.siteIndex().sha256()).orElseThrow();
      List<String> paths = new ArrayList<>();
      for (Path file : files(site.dir())) {
        paths.add(site.dir().relativize(file).toString().replace('\\', '/'));
      }
      assertThat(index.bookId()).isEqualTo("book");
      assertThat(index.commit()).isEqualTo(commit);
      assertThat(index.files().keySet()).containsExactlyInAnyOrderElementsOf(paths);
      for (Map.Entry<String, io.galley.blob.BlobRef> e : index.files().entrySet()) {
        try (InputStream in = other.open(e.getValue().sha256())) {
          assertThat(in.readAllBytes())
              .as(e.getKey())
              .isEqualTo(Files.readAllBytes(site.dir().resolve(e.getKey())));
        }
      }
    }
  }

  @Test
  void keepsTheNewestTwoSitesOfABookOnDiskAndServesOlderOnesFromTheStore() throws Exception {
    AssetStore assets = new AssetStore(dir.resolve("blobs"));
    assets.put(SiteBuilderTest.SHA, SiteBuilderTest.IMAGE);
    SiteLibrary library = new SiteLibrary(dir.resolve("sites"));
    SiteBuilder builder = new SiteBuilder(library, assets);
    CommitIngested first = SiteBuilderTest.manifest();
    List<CommitIngested> commits =
        List.of(
            first,
            commit(first, SECOND, first.committedAt().plusSeconds(60)),
            commit(first, "f".repeat(40), first.committedAt().plusSeconds(120)));
    List<byte[]> firstPages = new ArrayList<>();
    for (CommitIngested m : commits) {
      SiteBuilder.BuiltSite site =
          builder.build(m, m == first ? SiteBuilderTest.chapters() : changedIntro());
      if (m == first) {
        firstPages.add(Files.readAllBytes(site.dir().resolve("intro.html")));
      }
      // as the edition builder does once the site is stored
      library.publishedHere(
          m.bookId(), m.commit(), "ed-" + m.commit(), site.siteIndex().sha256(), m.committedAt());
    }

    assertThat(library.isBuilt("book", FIRST)).isFalse();
    assertThat(library.isBuilt("book", SECOND)).isTrue();
    assertThat(library.isBuilt("book", "f".repeat(40))).isTrue();
    assertThat(library.siteIndex("book", FIRST)).isPresent();
    MockMvc mvc =
        MockMvcBuilders.standaloneSetup(
                new SiteController(
                    library,
                    new SiteReader(library, new SiteStorage(assets.blobs())),
                    properties(dir)))
            .build();
    mvc.perform(get("/books/book/@" + FIRST + "/intro.html"))
        .andExpect(status().isOk())
        .andExpect(content().bytes(firstPages.get(0)));
  }

  private static List<Path> files(Path root) throws Exception {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static List<RenderedChapter> changedIntro() {
    List<RenderedChapter> chapters = new ArrayList<>(SiteBuilderTest.chapters());
    RenderedChapter intro = chapters.get(0);
    chapters.set(
        0,
        new RenderedChapter(
            intro.bookId(),
            intro.docId(),
            "1b",
            intro.rendererVersion(),
            intro.title(),
            "<h1 id=\"intro\">Intro</h1><p>The second edition.</p>",
            intro.headings(),
            List.of(),
            List.of(),
            List.of()));
    return chapters;
  }

  private static CommitIngested commit(CommitIngested m, String commit, Instant at) {
    return new CommitIngested(
        m.bookId(),
        commit,
        m.commit(),
        m.author(),
        m.message(),
        at,
        m.book(),
        m.chapters(),
        m.assets(),
        m.changed(),
        m.deleted(),
        false,
        m.warnings());
  }

  private static ConsumerRecord<String, EditionEvent> record(long offset, EditionPublished event) {
    return new ConsumerRecord<>(Topics.EDITIONS, 0, offset, event.editionId(), event);
  }

  private static EditionPublished published(CommitIngested m, SiteBuilder.BuiltSite site) {
    return new EditionPublished(
        "html-" + m.commit(),
        m.bookId(),
        m.commit(),
        EditionFormat.HTML,
        site.siteIndex().sha256(),
        site.siteIndex().size(),
        null,
        m.committedAt(),
        1,
        "/books/" + m.bookId() + "/@" + m.commit() + "/");
  }

  private static RenderProperties properties(Path stateDir) {
    return new RenderProperties(
        stateDir, null, null, null, false, null, null, null, null, null, null, null);
  }
}
