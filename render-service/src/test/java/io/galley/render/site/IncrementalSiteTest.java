package io.galley.render.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.AssetRef;
import io.galley.events.BookMetadata;
import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.events.Digests;
import io.galley.events.Heading;
import io.galley.events.RenderedChapter;
import io.galley.render.assets.AssetStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site built from the previous commit's site has the same bytes as one built from scratch. */
class IncrementalSiteTest {

  @TempDir Path dir;

  static final byte[] IMAGE = {1, 2, 3};
  static final String SHA = Digests.sha256Hex(IMAGE);

  @Test
  void incrementalBuildEqualsFullBuildAndReusesUnchangedPages() throws Exception {
    AssetStore assets = assets();
    List<RenderedChapter> a = chapters(30, "Topic");
    List<RenderedChapter> b = edit(a, 7, c -> c.replace("Body of", "Edited body of"));
    SiteBuilder builder = new SiteBuilder(new SiteLibrary(dir.resolve("inc")), assets);
    Path siteA = builder.build(manifest("a", a), a).dir();
    Path siteB = builder.build(manifest("b", b), b).dir();
    Path full =
        new SiteBuilder(new SiteLibrary(dir.resolve("full")), assets)
            .build(manifest("b", b), b)
            .dir();

    assertThat(files(siteB)).isEqualTo(files(full));
    String unchanged = SiteLinks.pagePath(a.get(3).docId());
    String changed = SiteLinks.pagePath(a.get(7).docId());
    assertThat(Files.isSameFile(siteA.resolve(unchanged), siteB.resolve(unchanged))).isTrue();
    assertThat(Files.readString(siteB.resolve(changed))).contains("Edited body of");
    assertThat(Files.readString(siteA.resolve(changed))).doesNotContain("Edited body of");
    assertThat(Files.readString(siteB.resolve("index.html"))).contains("bbbbbbbbbbbb");

    // the search index: the edited chapter's shard is new, every other one is the last site's file
    String shardA = SearchIndex.Chunk.of(SearchIndex.of(a.get(7))).name();
    String shardB = SearchIndex.Chunk.of(SearchIndex.of(b.get(7))).name();
    String other = SearchIndex.shardPath(SearchIndex.Chunk.of(SearchIndex.of(a.get(3))).name());
    assertThat(Files.isSameFile(siteA.resolve(other), siteB.resolve(other))).isTrue();
    assertThat(Files.readString(siteB.resolve(SearchIndex.shardPath(shardB))))
        .contains("Edited body of");
    assertThat(siteB.resolve(SearchIndex.shardPath(shardA))).doesNotExist();
    assertThat(Files.readString(siteB.resolve(SearchIndex.LIST)))
        .contains(shardB)
        .doesNotContain(shardA);
    try (Stream<Path> shards = Files.list(siteB.resolve(SearchIndex.SHARDS))) {
      assertThat(shards).hasSize(a.size());
    }
  }

  @Test
  void parallelBuildsEqualSequentialOnesWithEveryPage() throws Exception {
    AssetStore assets = assets();
    List<RenderedChapter> a = chapters(300, "Topic");
    List<RenderedChapter> b = edit(a, 200, c -> c.replace("Body of", "Edited body of"));
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(3);
    try {
      SiteBuilder parallel = new SiteBuilder(new SiteLibrary(dir.resolve("par")), assets);
      SiteBuilder sequential = new SiteBuilder(new SiteLibrary(dir.resolve("seq")), assets);
      Path parA = parallel.build(manifest("a", a), a, pool).dir();
      Path parB = parallel.build(manifest("b", b), b, pool).dir();
      Path seqA = sequential.build(manifest("a", a), a).dir();
      Path seqB = sequential.build(manifest("b", b), b).dir();

      assertThat(files(parA)).isEqualTo(files(seqA));
      assertThat(files(parB)).isEqualTo(files(seqB));
      for (RenderedChapter c : b) {
        assertThat(parB.resolve(SiteLinks.pagePath(c.docId()))).isRegularFile();
      }
      String unchanged = SiteLinks.pagePath(a.get(150).docId());
      assertThat(Files.isSameFile(parA.resolve(unchanged), parB.resolve(unchanged))).isTrue();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aChangedTitleOrAddedChapterRewritesEveryPage() throws Exception {
    AssetStore assets = assets();
    List<RenderedChapter> a = chapters(12, "Topic");
    List<RenderedChapter> b = chapters(12, "Subject");
    List<RenderedChapter> c = chapters(13, "Subject");
    SiteBuilder builder = new SiteBuilder(new SiteLibrary(dir.resolve("inc")), assets);
    builder.build(manifest("a", a), a);
    Path siteB = builder.build(manifest("b", b), b).dir();
    Path siteC = builder.build(manifest("c", c), c).dir();
    SiteBuilder fresh = new SiteBuilder(new SiteLibrary(dir.resolve("full")), assets);
    assertThat(files(siteB)).isEqualTo(files(fresh.build(manifest("b", b), b).dir()));
    SiteBuilder fresh2 = new SiteBuilder(new SiteLibrary(dir.resolve("full2")), assets);
    assertThat(files(siteC)).isEqualTo(files(fresh2.build(manifest("c", c), c).dir()));
  }

  @Test
  void timesFullAndIncrementalBuildsOfAThousandChapters() throws Exception {
    AssetStore assets = assets();
    List<RenderedChapter> a = chapters(1000, "Topic");
    List<RenderedChapter> b = edit(a, 500, c -> c.replace("Body of", "Edited body of"));
    List<RenderedChapter> c = edit(b, 501, x -> x.replace("Body of", "Edited body of"));
    SiteBuilder builder = new SiteBuilder(new SiteLibrary(dir.resolve("inc")), assets);
    long t0 = System.nanoTime();
    builder.build(manifest("a", a), a);
    long t1 = System.nanoTime();
    Path inc = builder.build(manifest("b", b), b).dir();
    long t2 = System.nanoTime();
    builder.build(manifest("c", c), c);
    long t3 = System.nanoTime();
    Path full =
        new SiteBuilder(new SiteLibrary(dir.resolve("full")), assets)
            .build(manifest("b", b), b)
            .dir();
    long t4 = System.nanoTime();
    System.out.printf(
        "site of 1000 chapters: full %d ms, incremental %d ms and %d ms, full again %d ms%n",
        (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000);
    assertThat(files(inc)).isEqualTo(files(full));
  }

  private AssetStore assets() throws Exception {
    AssetStore assets = new AssetStore(dir.resolve("assets"));
    assets.put(SHA, IMAGE);
    return assets;
  }

  private static Map<String, String> files(Path root) throws Exception {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), Digests.sha256Hex(Files.readAllBytes(p)));
      }
    }
    return files;
  }

  /** The chapters with chapter {@code i}'s XHTML changed (and its source hash with it). */
  static List<RenderedChapter> edit(
      List<RenderedChapter> chapters, int i, UnaryOperator<String> change) {
    List<RenderedChapter> edited = new ArrayList<>(chapters);
    RenderedChapter c = chapters.get(i);
    String xhtml = change.apply(c.xhtml());
    edited.set(
        i,
        new RenderedChapter(
            c.bookId(),
            c.docId(),
            Digests.sha256Hex(xhtml),
            c.rendererVersion(),
            c.title(),
            xhtml,
            c.headings(),
            c.docRefs(),
            c.assets(),
            c.warnings()));
    return edited;
  }

  static List<RenderedChapter> chapters(int n, String word) {
    List<RenderedChapter> chapters = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      String docId = "chapters/" + String.format("%04d", i) + "-topic";
      String next = "chapters/" + String.format("%04d", i % n + 1) + "-topic";
      StringBuilder x = new StringBuilder("<h1 id=\"t\">" + word + " " + i + "</h1>");
      List<Heading> headings = new ArrayList<>(List.of(new Heading(1, "t", word + " " + i)));
      for (int s = 1; s <= 4; s++) {
        x.append("<h2 id=\"s").append(s).append("\">Section ").append(s).append("</h2>");
        headings.add(new Heading(2, "s" + s, "Section " + s));
        x.append("<p>Body of ")
            .append(i)
            .append('.')
            .append(s)
            .append(": ")
            .append("Some prose about goroutines, channels and interfaces. ".repeat(8))
            .append("<a href=\"doc:")
            .append(next)
            .append("#s1\">next</a></p>");
      }
      x.append("<p><img src=\"asset:").append(SHA).append("\" alt=\"d\" /></p>");
      chapters.add(
          new RenderedChapter(
              "book",
              docId,
              Digests.sha256Hex(x.toString()),
              "render-1",
              word + " " + i,
              x.toString(),
              headings,
              List.of(next),
              List.of(new AssetRef("images/d.png", SHA, "image/png")),
              List.of()));
    }
    return chapters;
  }

  static CommitIngested manifest(String letter, List<RenderedChapter> chapters) {
    return new CommitIngested(
        "book",
        letter.repeat(40),
        null,
        "",
        "",
        Instant.parse("2026-03-01T12:00:00Z").plusSeconds(letter.charAt(0) * 60L),
        new BookMetadata(
            "book", "Generated", null, List.of("Ann"), "en", null, null, null, null, null),
        chapters.stream()
            .map(c -> new ChapterEntry(c.docId(), c.sourceSha256(), c.title()))
            .toList(),
        List.of(new AssetRef("images/d.png", SHA, "image/png")),
        List.of(),
        List.of(),
        true,
        List.of());
  }
}
