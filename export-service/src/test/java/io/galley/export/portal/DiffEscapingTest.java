package io.galley.export.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.events.RenderedChapter;
import io.galley.export.Books;
import io.galley.export.ExportProperties;
import io.galley.export.history.EditionHistory;
import io.galley.export.store.EditionCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Text that looks like markup in a chapter (escaped in its XHTML, as render writes it) and in its
 * title reaches the diff page, word diffs included, as text only: no element of it.
 */
@WebMvcTest(controllers = DiffController.class)
@Import({
  PortalPage.class,
  DiffPage.class,
  ChapterDiffs.class,
  EditionHistory.class,
  EditionCatalog.class
})
@EnableConfigurationProperties(ExportProperties.class)
class DiffEscapingTest {

  static final String BOOK = "esc";
  static final String FIRST = "1".repeat(40);
  static final String SECOND = "2".repeat(40);
  static final String TITLE = "<script>alert('title')</script> Intro";
  static final String SENTENCE =
      "Say hello to the reader and welcome them to the guide with a smile today";

  @DynamicPropertySource
  static void state(DynamicPropertyRegistry registry) throws IOException {
    String dir = Files.createTempDirectory("export-diff-esc").toString();
    registry.add("galley.export.state-dir", () -> dir);
  }

  @Autowired MockMvc mvc;
  @Autowired EditionHistory history;

  @BeforeEach
  void aChapterWhoseNewVersionWritesAboutScriptTags() {
    history.rendered(chapter("a".repeat(64), "<p>" + SENTENCE + ".</p><p>Kept.</p>"));
    history.rendered(
        chapter(
            "b".repeat(64),
            "<p>"
                + SENTENCE.replace("reader", "&lt;script&gt;alert(1)&lt;/script&gt; reader")
                + ".</p><p>Kept.</p><p>&lt;img src=x onerror=alert(2)&gt;</p>"));
    history.accepted(commit(FIRST, "a".repeat(64), null, "2026-03-01T10:00:00Z"));
    history.accepted(commit(SECOND, "b".repeat(64), FIRST, "2026-03-02T10:00:00Z"));
  }

  @Test
  void showsMarkupInAChapterAsTextInTheChangedWordsTheAddedLinesAndTheTitle() throws Exception {
    String html =
        mvc.perform(get("/books/esc/diff").param("from", FIRST).param("to", SECOND))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    Document doc = Jsoup.parse(html);

    assertThat(doc.select("tr.changed ins").text()).contains("<script>alert(1)</script>");
    assertThat(doc.select("tr.added ins").first().ownText())
        .isEqualTo("<img src=x onerror=alert(2)>");
    assertThat(doc.select("section.chapter-diff").text()).contains(TITLE);
    // nothing of the chapter became an element: the page's scripts are its own files only
    assertThat(doc.select("script")).allSatisfy(s -> assertThat(s.data()).isBlank());
    assertThat(doc.select("img")).isEmpty();
    assertThat(html).doesNotContain("<script>alert", "<img src=x");
  }

  @Test
  void servesAVersionsTextAsPlainText() throws Exception {
    String text =
        mvc.perform(get("/books/esc/text").param("doc", "intro").param("version", "b".repeat(64)))
            .andExpect(status().isOk())
            .andExpect(content().contentType("text/plain;charset=UTF-8"))
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text.lines())
        .containsExactly(
            SENTENCE.replace("reader", "<script>alert(1)</script> reader") + ".",
            "Kept.",
            "<img src=x onerror=alert(2)>");
    mvc.perform(get("/books/esc/text").param("doc", "intro").param("version", "c".repeat(64)))
        .andExpect(status().isNotFound());
  }

  private static RenderedChapter chapter(String sha, String xhtml) {
    return new RenderedChapter(
        BOOK,
        "intro",
        sha,
        Books.RENDERER,
        TITLE,
        xhtml,
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  private static CommitIngested commit(String commit, String sha, String parent, String at) {
    CommitIngested base = Books.goGuide(BOOK, commit, Instant.parse(at));
    return new CommitIngested(
        BOOK,
        commit,
        parent,
        "Ann <ann@example.org>",
        "Edit",
        Instant.parse(at),
        base.book(),
        List.of(new ChapterEntry("intro", sha, TITLE)),
        List.of(),
        List.of("intro"),
        List.of(),
        false,
        List.of());
  }
}
