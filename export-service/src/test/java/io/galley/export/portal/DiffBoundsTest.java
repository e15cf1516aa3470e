package io.galley.export.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

/** The diff page's bounds: big chapters summarised, concurrent requests capped. */
@WebMvcTest(controllers = DiffController.class)
@Import({
  PortalPage.class,
  DiffPage.class,
  ChapterDiffs.class,
  EditionHistory.class,
  EditionCatalog.class
})
@EnableConfigurationProperties(ExportProperties.class)
class DiffBoundsTest {

  static final String BOOK = "big";
  static final String FIRST = "1".repeat(40);
  static final String SECOND = "2".repeat(40);

  @DynamicPropertySource
  static void state(DynamicPropertyRegistry registry) throws IOException {
    String dir = Files.createTempDirectory("export-diff").toString();
    registry.add("galley.export.state-dir", () -> dir);
    registry.add("galley.export.diff.max-changed-blocks", () -> "500");
  }

  @Autowired MockMvc mvc;
  @Autowired EditionHistory history;
  @Autowired DiffController controller;

  @BeforeEach
  void twoVersionsOfA6000BlockChapterThatShareNothing() {
    history.rendered(chapter("a".repeat(64), "old block"));
    history.rendered(chapter("b".repeat(64), "new paragraph"));
    history.accepted(commit(FIRST, "a".repeat(64), null, "2026-03-01T10:00:00Z"));
    history.accepted(commit(SECOND, "b".repeat(64), FIRST, "2026-03-02T10:00:00Z"));
  }

  @Test
  void summarisesADiffTooLargeToShowInsteadOfRunningOutOfHeap() throws Exception {
    for (int i = 0; i < 4; i++) { // the second to fourth come from the cache
      Document doc = diff();
      assertThat(doc.select("section.chapter-diff .diff-summary").text())
          .isEqualTo("Too large to show; at least 12000 blocks changed.");
      assertThat(doc.select("table.diff")).isEmpty();
      assertThat(doc.select("section.chapter-diff .diff-texts a").eachAttr("href"))
          .containsExactly(
              "/books/big/text?doc=long&version=" + "a".repeat(64),
              "/books/big/text?doc=long&version=" + "b".repeat(64));
    }
    // the two versions a reader can compare instead, one block a line
    String newer =
        mvc.perform(get("/books/big/text").param("doc", "long").param("version", "b".repeat(64)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(newer.lines()).hasSize(6000).startsWith("new paragraph 0", "new paragraph 1");
  }

  @Test
  void answersBusyWithRetryAfterWhenTooManyDiffsRunAtOnce() throws Exception {
    Semaphore permits = (Semaphore) ReflectionTestUtils.getField(controller, "permits");
    int available = permits.drainPermits(); // as if two other diffs were being computed
    try {
      mvc.perform(get("/books/big/diff").param("from", FIRST).param("to", SECOND))
          .andExpect(status().isServiceUnavailable())
          .andExpect(header().string("Retry-After", "5"));
    } finally {
      permits.release(available);
    }
    assertThat(diff().select("h1").text()).startsWith("Changes in");
  }

  private Document diff() throws Exception {
    return Jsoup.parse(
        mvc.perform(get("/books/big/diff").param("from", FIRST).param("to", SECOND))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  private static RenderedChapter chapter(String sha, String words) {
    String xhtml =
        IntStream.range(0, 6000)
            .mapToObj(i -> "<p>" + words + " " + i + "</p>")
            .collect(Collectors.joining());
    return new RenderedChapter(
        BOOK,
        "long",
        sha,
        Books.RENDERER,
        "Long",
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
        "Rewrite",
        Instant.parse(at),
        base.book(),
        List.of(new ChapterEntry("long", sha, "Long")),
        List.of(),
        List.of("long"),
        List.of(),
        false,
        List.of());
  }
}
