package io.galley.render.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.Problem;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Sites built from real and generated books are valid HTML with no dead or unreachable pages. */
class SiteHtmlValidityTest {

  private static final MarkdownConverter CONVERTER = new MarkdownConverter();

  @TempDir Path dir;

  @Test
  void sampleGuideSiteIsValidHtmlWithoutDeadLinks() throws Exception {
    Books.Book guide = Books.goGuide();
    Built built = build(guide);

    assertThat(built.warnings()).isEmpty();
    HtmlSiteChecker checker = new HtmlSiteChecker(built.site());
    assertThat(checker.pages()).hasSize(guide.sources().size() + 1);
    assertThat(checker.validityProblems()).isEmpty();
    assertThat(checker.unreachablePages()).isEmpty();
    assertThat(checker.deadLinks()).isEmpty();
  }

  @Test
  @Timeout(300) // a bound against pathological slowness, not a benchmark
  void siteOfThreeHundredChaptersIsValidHtmlWithoutDeadLinks() throws Exception {
    Books.Book book = Books.generated(300);
    Built built = build(book);

    assertThat(built.warnings()).isEmpty();
    assertThat(built.chapters()).hasSize(300);
    assertThat(built.chapters().get(0).xhtml())
        .contains("href=\"doc:chapters/002-topic-2\"", "src=\"asset:");
    HtmlSiteChecker checker = new HtmlSiteChecker(built.site());
    assertThat(checker.pages()).hasSize(301);
    assertThat(checker.validityProblems()).isEmpty();
    assertThat(checker.unreachablePages()).isEmpty();
    assertThat(checker.deadLinks()).isEmpty();
  }

  @Test
  void checkerFindsInvalidMarkupDeadLinksAndOrphanPages() throws Exception {
    Built built = build(Books.generated(3));
    Path page = built.site().resolve("chapters/002-topic-2.html");
    String html = Files.readString(page, StandardCharsets.UTF_8);
    Files.writeString(
        page,
        html.replace(
            "<div class=\"chapter-body\">",
            "<div class=\"chapter-body\"><p><div id=\"x\"></div><span id=\"x\"></span>"
                + "<a href=\"missing.html\">a</a> <a href=\"003-topic-3.html#nowhere\">b</a>"
                + " <img src=\"../assets/none.png\"></p>"),
        StandardCharsets.UTF_8);
    Files.writeString(built.site().resolve("orphan.html"), html, StandardCharsets.UTF_8);

    HtmlSiteChecker checker = new HtmlSiteChecker(built.site());
    assertThat(checker.validityProblems())
        .anyMatch(p -> p.startsWith("chapters/002-topic-2.html:") && p.contains("Duplicate ID"))
        .anyMatch(p -> p.contains("error: An \u201Cimg\u201D element must have an \u201Calt"));
    assertThat(checker.deadLinks())
        .contains(
            "chapters/002-topic-2.html: missing.html",
            "chapters/002-topic-2.html: 003-topic-3.html#nowhere (no such id)",
            "chapters/002-topic-2.html: ../assets/none.png");
    assertThat(checker.unreachablePages()).containsExactly("orphan.html");
  }

  /** The rendered chapters, their warnings and the built site folder. */
  record Built(List<RenderedChapter> chapters, List<Problem> warnings, Path site) {}

  private Built build(Books.Book book) {
    Set<String> docIds = new LinkedHashSet<>();
    book.sources().forEach(s -> docIds.add(s.docId()));
    Map<String, Set<String>> headingIds = new HashMap<>();
    book.sources().forEach(s -> headingIds.put(s.docId(), CONVERTER.headingIds(s.markdown())));
    List<RenderedChapter> chapters = new ArrayList<>();
    List<Problem> warnings = new ArrayList<>();
    for (int i = 0; i < book.sources().size(); i++) {
      SourceDocument s = book.sources().get(i);
      ChapterContext context = ChapterContext.of(s, docIds, headingIds::get);
      ChapterRendering r = CONVERTER.convert(s.markdown(), context);
      warnings.addAll(r.warnings());
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
    for (Map.Entry<String, byte[]> image : book.images().entrySet()) {
      assets.put(image.getKey(), image.getValue());
    }
    SiteLibrary library = new SiteLibrary(dir.resolve("sites"));
    Path site = new SiteBuilder(library, assets).build(book.manifest(), chapters).dir();
    return new Built(chapters, warnings, site);
  }
}
