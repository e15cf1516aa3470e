package io.galley.export.portal;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.galley.events.BookMetadata;
import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.events.CommitRejected;
import io.galley.events.EditionFailed;
import io.galley.events.EditionFormat;
import io.galley.events.Problem;
import io.galley.events.RenderedChapter;
import io.galley.export.Books;
import io.galley.export.ExportProperties;
import io.galley.export.history.EditionHistory;
import io.galley.export.store.EditionCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A book whose id, title, chapter, commit message, author, problem and build error are all hostile
 * markup, and every page the portal's templates write for it.
 */
@WebMvcTest(controllers = {PortalController.class, DiffController.class, PortalEvents.class})
@Import({
  PortalPage.class,
  DiffPage.class,
  ChapterDiffs.class,
  EditionHistory.class,
  EditionCatalog.class
})
@EnableConfigurationProperties(ExportProperties.class)
abstract class HostilePortal {

  static final String EVIL = "\"'><script>alert(1)</script><img src=x onerror=alert(2)>&amp;";
  static final String BOOK = "b\"'<i>";
  static final String AUTHOR = "Eve \"O'Hara\" & Co";
  static final String FIRST = "1".repeat(40);
  static final String SECOND = "2".repeat(40);
  static final String REJECTED = "3".repeat(40);

  @DynamicPropertySource
  static void state(DynamicPropertyRegistry registry) throws IOException {
    String dir = Files.createTempDirectory("export-pages").toString();
    registry.add("galley.export.state-dir", () -> dir);
  }

  @Autowired MockMvc mvc;
  @Autowired EditionHistory history;
  @Autowired PortalEvents events;
  @Autowired DiffPage diffPage;

  @BeforeEach
  void aBookWhoseEveryNameIsMarkup() {
    // a rendering is kept once a commit names it: each before its commit, as Kafka delivers them
    history.rendered(chapter("a".repeat(64), "<p>Hello reader.</p><p>Kept.</p>"));
    history.accepted(commit(FIRST, "a".repeat(64), null, "2026-03-01T10:00:00Z"));
    history.rendered(chapter("b".repeat(64), "<p>Hello &lt;b&gt; reader.</p><p>Kept.</p>"));
    CommitIngested second = commit(SECOND, "b".repeat(64), FIRST, "2026-03-02T10:00:00Z");
    history.accepted(second);
    history.building(second, EditionFormat.PDF);
    history.finished(
        new EditionFailed("e".repeat(32), BOOK, SECOND, EditionFormat.PDF, EVIL, Instant.now()));
    history.rejected(
        new CommitRejected(
            BOOK,
            REJECTED,
            AUTHOR + " <eve@example.org>",
            EVIL,
            Instant.parse("2026-03-03T10:00:00Z"),
            List.of(Problem.error("chapters/intro.md", 3, EVIL))));
  }

  /** The pages by name, as served. */
  Map<String, String> pages() throws Exception {
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("portal", body(get("/")));
    pages.put("diff", body(get("/books/{b}/diff", BOOK).param("from", FIRST).param("to", SECOND)));
    pages.put(
        "missing chapter",
        body(
            get("/books/{b}/diff", BOOK)
                .param("from", FIRST)
                .param("to", SECOND)
                .param("doc", EVIL)));
    pages.put("first edition", body(get("/books/{b}/diff", BOOK).param("to", FIRST)));
    pages.put("not found", body(get("/books/{b}/diff", BOOK).param("to", EVIL)));
    pages.put("busy", diffPage.busy(BOOK));
    return pages;
  }

  private String body(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(request)
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private static RenderedChapter chapter(String sha, String xhtml) {
    return new RenderedChapter(
        BOOK,
        "intro",
        sha,
        Books.RENDERER,
        EVIL,
        xhtml,
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  private static CommitIngested commit(String commit, String sha, String parent, String at) {
    BookMetadata meta =
        new BookMetadata(BOOK, EVIL, null, List.of(), "en", null, null, null, null, "A4");
    return new CommitIngested(
        BOOK,
        commit,
        parent,
        EVIL + " <ann@example.org>",
        EVIL,
        Instant.parse(at),
        meta,
        List.of(new ChapterEntry("intro", sha, EVIL)),
        List.of(),
        List.of("intro"),
        List.of(),
        false,
        List.of());
  }
}
