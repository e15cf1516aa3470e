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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteBuilderTest {

  @TempDir Path dir;

  static final byte[] IMAGE = {1, 2, 3};
  static final String SHA = Digests.sha256Hex(IMAGE);

  static CommitIngested manifest() {
    return new CommitIngested(
        "book",
        "c".repeat(40),
        null,
        "",
        "",
        Instant.parse("2026-03-01T12:00:00Z"),
        new BookMetadata(
            "book", "Go <Guide>", "Sub", List.of("Ann", "Bo"), "de", null, null, null, null, null),
        List.of(
            new ChapterEntry("intro", "1", "Intro"), new ChapterEntry("part/deep/one", "2", "One")),
        List.of(new AssetRef("img/a.png", SHA, "image/png")),
        List.of(),
        List.of(),
        true,
        List.of());
  }

  static List<RenderedChapter> chapters() {
    return List.of(
        new RenderedChapter(
            "book",
            "intro",
            "1",
            "render-1",
            "Intro",
            "<h1 id=\"intro\">Intro</h1><p><a href=\"doc:part/deep/one#s\">one</a></p>",
            List.of(new Heading(1, "intro", "Intro")),
            List.of("part/deep/one"),
            List.of(),
            List.of()),
        new RenderedChapter(
            "book",
            "part/deep/one",
            "2",
            "render-1",
            "One",
            "<h2 id=\"s\">S</h2><p><img src=\"asset:"
                + SHA
                + "\" alt=\"a\" /> <a href=\"doc:intro\">back</a></p>",
            List.of(new Heading(2, "s", "S")),
            List.of("intro"),
            List.of(new AssetRef("img/a.png", SHA, "image/png")),
            List.of()));
  }

  @Test
  void writesIndexChapterPagesAssetsAndStyle() throws Exception {
    AssetStore assets = new AssetStore(dir.resolve("assets"));
    assets.put(SHA, IMAGE);
    SiteLibrary library = new SiteLibrary(dir.resolve("sites"));
    SiteBuilder.BuiltSite site = new SiteBuilder(library, assets).build(manifest(), chapters());

    assertThat(site.dir()).isEqualTo(dir.resolve("sites/book/" + "c".repeat(40)));
    String index = Files.readString(site.dir().resolve("index.html"));
    assertThat(index)
        .startsWith("<!DOCTYPE html>")
        .contains("<html lang=\"de\">", "Go &lt;Guide&gt;", "Ann, Bo", "<meta charset=\"utf-8\">")
        .containsSubsequence("href=\"intro.html\"", "href=\"part/deep/one.html\"");
    assertThat(Digests.sha256Hex(Files.readAllBytes(site.dir().resolve("index.html"))))
        .isEqualTo(site.indexSha256());

    String deep = Files.readString(site.dir().resolve("part/deep/one.html"));
    assertThat(deep)
        .contains(
            "href=\"../../style.css\"",
            "src=\"../../assets/" + SHA + ".png\"",
            "href=\"../../intro.html\"")
        .contains("<a href=\"../../part/deep/one.html\" aria-current=\"page\">One</a>")
        .contains(
            "<h1>One</h1>",
            "rel=\"prev\"",
            "<a href=\"#s\">S</a>",
            "Skip to content",
            "<main id=\"galley-content\">");
    assertThat(Files.readString(site.dir().resolve("intro.html")))
        .contains("href=\"part/deep/one.html#s\"", "rel=\"next\"");
    assertThat(Files.readAllBytes(site.dir().resolve("assets/" + SHA + ".png"))).isEqualTo(IMAGE);
    assertThat(Files.readString(site.dir().resolve("style.css")))
        .contains("prefers-color-scheme", "@media print", ".tok-keyword");
    assertThat(library.isBuilt("book", "c".repeat(40))).isTrue();
    try (var files = Files.list(dir.resolve("sites/book"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("c".repeat(40));
    }
  }

  @Test
  void writesSearchIndexAndValidHtml() throws Exception {
    AssetStore assets = new AssetStore(dir.resolve("assets"));
    assets.put(SHA, IMAGE);
    Path site =
        new SiteBuilder(new SiteLibrary(dir.resolve("sites")), assets)
            .build(manifest(), chapters())
            .dir();
    String list = Files.readString(site.resolve("search-index.js"));
    assertThat(list).startsWith("window.galleySearchShards = [\"");
    List<String> shards =
        java.util.Arrays.asList(
            list.substring(list.indexOf('[') + 2, list.lastIndexOf(']') - 1).split("\",\""));
    assertThat(shards).hasSize(2);
    assertThat(Files.readString(site.resolve("search/" + shards.get(0) + ".js")))
        .startsWith("galleySearchShard(\"" + shards.get(0) + "\", [")
        .contains("\"u\":\"intro.html#intro\"");
    assertThat(Files.readString(site.resolve("search/" + shards.get(1) + ".js")))
        .contains("\"t\":\"One › S\"", "\"u\":\"part/deep/one.html#s\"");
    try (var files = Files.list(site.resolve("search"))) {
      assertThat(files).hasSize(2);
    }
    assertThat(site.resolve("search-index.json")).doesNotExist();
    assertThat(Files.readString(site.resolve("search.js")))
        .contains("galleySearchShards", "galleySearchShard");
    for (String page : List.of("index.html", "intro.html", "part/deep/one.html")) {
      String html = Files.readString(site.resolve(page));
      org.jsoup.parser.Parser parser = org.jsoup.parser.Parser.htmlParser().setTrackErrors(50);
      org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(html, "", parser);
      assertThat(parser.getErrors()).as(page).isEmpty();
      assertThat(doc.select("header, nav, main, footer")).as(page).hasSizeGreaterThanOrEqualTo(4);
      assertThat(doc.select("[id]").eachAttr("id")).as(page).doesNotHaveDuplicates();
      for (String ref : doc.select("[href], [src]").eachAttr("abs:href")) {
        assertThat(ref).isEmpty();
      }
    }
  }

  @Test
  void pagesCarryTheirOwnCspAndLinkOnlyToTheBooksChapters() throws Exception {
    AssetStore assets = new AssetStore(dir.resolve("assets"));
    assets.put(SHA, IMAGE);
    List<RenderedChapter> chapters = new java.util.ArrayList<>(chapters());
    RenderedChapter intro = chapters.get(0);
    // as a fragment from before the converter checked doc: references
    chapters.set(
        0,
        new RenderedChapter(
            intro.bookId(),
            intro.docId(),
            intro.sourceSha256(),
            intro.rendererVersion(),
            intro.title(),
            intro.xhtml() + "<p><a href=\"doc:javascript:alert(1)\">x</a></p>",
            intro.headings(),
            intro.docRefs(),
            intro.assets(),
            intro.warnings()));
    Path site =
        new SiteBuilder(new SiteLibrary(dir.resolve("sites")), assets)
            .build(manifest(), chapters)
            .dir();
    String page = Files.readString(site.resolve("intro.html"));
    assertThat(page)
        .contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
        .doesNotContain("javascript")
        .contains("<p>x</p>");
  }

  @Test
  void zipsTheSiteReproducibly() throws Exception {
    AssetStore assets = new AssetStore(dir.resolve("assets"));
    assets.put(SHA, IMAGE);
    Path site =
        new SiteBuilder(new SiteLibrary(dir.resolve("sites")), assets)
            .build(manifest(), chapters())
            .dir();
    byte[] zip = SiteZip.of(site, "book-cccc");
    assertThat(SiteZip.of(site, "book-cccc")).isEqualTo(zip);
    List<String> names = new java.util.ArrayList<>();
    try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
      for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        names.add(e.getName());
      }
    }
    assertThat(names)
        .contains("book-cccc/index.html", "book-cccc/part/deep/one.html", "book-cccc/style.css");
  }

  @Test
  void buildsByteIdenticalSitesFromTheSameInput() throws Exception {
    AssetStore assets = new AssetStore(dir.resolve("assets"));
    assets.put(SHA, IMAGE);
    var a =
        new SiteBuilder(new SiteLibrary(dir.resolve("a")), assets).build(manifest(), chapters());
    var b =
        new SiteBuilder(new SiteLibrary(dir.resolve("b")), assets).build(manifest(), chapters());
    assertThat(a.indexSha256()).isEqualTo(b.indexSha256());
    assertThat(Files.readString(a.dir().resolve("part/deep/one.html")))
        .isEqualTo(Files.readString(b.dir().resolve("part/deep/one.html")));
  }

  @Test
  void rejectsUnsafePaths() {
    assertThat(SiteController.safePath("a/b.html")).isTrue();
    assertThat(SiteController.safePath("../x")).isFalse();
    assertThat(SiteController.safePath("a/./b")).isFalse();
    assertThat(SiteController.safePath("a\\..\\b")).isFalse();
    assertThat(SiteLibrary.safeName("..")).isFalse();
  }
}
