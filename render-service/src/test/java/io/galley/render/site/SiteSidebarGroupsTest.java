package io.galley.render.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.events.RenderedChapter;
import io.galley.events.SourceDocument;
import io.galley.render.assets.AssetStore;
import io.galley.render.markdown.ChapterContext;
import io.galley.render.markdown.ChapterRendering;
import io.galley.render.markdown.MarkdownConverter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sidebar of a book with SUMMARY.md parts and nested entries groups the chapters under their
 * parts and nests sub-chapters in their chapter's item, numbered when the book numbers them, and
 * every page stays valid HTML (Nu) without dead links.
 */
class SiteSidebarGroupsTest {

  private static final MarkdownConverter CONVERTER = new MarkdownConverter();

  @TempDir Path dir;

  @Test
  void groupsChaptersUnderPartsAndNestsSubChapters() throws Exception {
    Books.Book flat = Books.generated(7);
    List<ChapterEntry> entries = new ArrayList<>();
    List<ChapterEntry> old = flat.manifest().chapters();
    // chapter 1 outside any part; 2-4 in part A with 3 nested under 2 (and 4 under 3);
    // 5-7 in part B, 7 nested under 6
    String[] parts = {null, "Part A", "Part A", "Part A", "Part B", "Part B", "Part B"};
    int[] depths = {0, 0, 1, 2, 0, 0, 1};
    String[] numbers = {null, "1", "1.1", "1.1.1", "2", "3", "3.1"};
    for (int i = 0; i < old.size(); i++) {
      ChapterEntry e = old.get(i);
      entries.add(
          new ChapterEntry(e.docId(), e.sha256(), e.title(), parts[i], depths[i], numbers[i]));
    }
    CommitIngested m = flat.manifest();
    CommitIngested manifest =
        new CommitIngested(
            m.bookId(),
            m.commit(),
            m.parent(),
            m.author(),
            m.message(),
            m.committedAt(),
            m.book(),
            entries,
            m.assets(),
            m.changed(),
            m.deleted(),
            m.snapshot(),
            m.warnings());
    Path site = build(new Books.Book(manifest, flat.sources(), flat.images()));

    HtmlSiteChecker checker = new HtmlSiteChecker(site);
    assertThat(checker.validityProblems()).isEmpty();
    assertThat(checker.deadLinks()).isEmpty();
    assertThat(checker.unreachablePages()).isEmpty();

    Document page =
        Jsoup.parse(
            Files.readString(
                site.resolve(Books.chapterPath(3, 7).replace(".md", ".html")),
                StandardCharsets.UTF_8));
    Element list = page.selectFirst("nav.toc > ol");
    assertThat(list.children()).hasSize(3);
    assertThat(list.select("> li.toc-part > span.toc-part-title").eachText())
        .containsExactly("Part A", "Part B");
    Element partA = list.child(1);
    Element second = partA.selectFirst("> ol > li");
    assertThat(second.selectFirst("> a").text()).startsWith("1. ");
    Element third = second.selectFirst("> ol > li");
    assertThat(third.selectFirst("> a").text()).startsWith("1.1. ");
    assertThat(third.selectFirst("> a").attr("aria-current")).isEqualTo("page");
    assertThat(third.select("> ol > li > a").eachText())
        .singleElement()
        .asString()
        .startsWith("1.1.1. ");
    Element partB = list.child(2);
    assertThat(partB.select("> ol > li")).hasSize(2);
    assertThat(partB.select("> ol > li").get(1).select("> ol > li > a").eachText())
        .singleElement()
        .asString()
        .startsWith("3.1. ");
  }

  private Path build(Books.Book book) {
    Set<String> docIds = new LinkedHashSet<>();
    book.sources().forEach(s -> docIds.add(s.docId()));
    Map<String, Set<String>> headingIds = new HashMap<>();
    book.sources().forEach(s -> headingIds.put(s.docId(), CONVERTER.headingIds(s.markdown())));
    List<RenderedChapter> chapters = new ArrayList<>();
    for (int i = 0; i < book.sources().size(); i++) {
      SourceDocument s = book.sources().get(i);
      ChapterRendering r =
          CONVERTER.convert(s.markdown(), ChapterContext.of(s, docIds, headingIds::get));
      chapters.add(
          new RenderedChapter(
              s.bookId(),
              s.docId(),
              s.sha256(),
              MarkdownConverter.RENDERER_VERSION,
              book.manifest().chapters().get(i).title(),
              r.xhtml(),
              r.headings(),
              r.docRefs(),
              r.assets(),
              r.warnings()));
    }
    AssetStore assets = new AssetStore(dir.resolve("assets"));
    book.images().forEach(assets::put);
    SiteLibrary library = new SiteLibrary(dir.resolve("sites"));
    return new SiteBuilder(library, assets).build(book.manifest(), chapters).dir();
  }
}
