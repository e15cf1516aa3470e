package io.galley.export.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.events.CommitRejected;
import io.galley.events.EditionFormat;
import io.galley.events.EditionPublished;
import io.galley.events.Problem;
import io.galley.events.RenderedChapter;
import io.galley.export.Books;
import io.galley.export.ExportProperties;
import io.galley.export.history.EditionHistory;
import io.galley.export.store.EditionCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(controllers = {PortalController.class, DiffController.class, PortalEvents.class})
@Import({
  PortalPage.class,
  DiffPage.class,
  ChapterDiffs.class,
  EditionHistory.class,
  EditionCatalog.class
})
@EnableConfigurationProperties(ExportProperties.class)
class PortalControllerTest {

  static final String BOOK = "go-guide";
  static final String FIRST = "1".repeat(40);
  static final String SECOND = "2".repeat(40);
  static final String REJECTED = "3".repeat(40);

  @DynamicPropertySource
  static void state(DynamicPropertyRegistry registry) throws IOException {
    String dir = Files.createTempDirectory("export-portal").toString();
    registry.add("galley.export.state-dir", () -> dir);
    registry.add("galley.export.site-base-url", () -> "http://site.test");
  }

  @Autowired MockMvc mvc;
  @Autowired EditionHistory history;
  @Autowired EditionCatalog catalog;

  @BeforeEach
  void twoEditionsAndARejectedCommit() {
    CommitIngested first = Books.goGuide(BOOK, FIRST, Instant.parse("2026-03-01T10:00:00Z"));
    List<RenderedChapter> chapters = new ArrayList<>(Books.rendered(first));
    chapters.forEach(history::rendered);
    history.accepted(first);
    publish(first, EditionFormat.PDF, "a");
    publish(first, EditionFormat.HTML, "b");

    RenderedChapter intro = chapters.get(0);
    String editedXhtml =
        intro.xhtml().replace("Welcome.", "Welcome, reader.") + "<p>A new closing paragraph.</p>";
    RenderedChapter edited =
        new RenderedChapter(
            BOOK,
            "intro",
            "9".repeat(64),
            Books.RENDERER,
            "Introduction",
            editedXhtml,
            intro.headings(),
            intro.docRefs(),
            intro.assets(),
            List.of());
    history.rendered(edited);
    List<ChapterEntry> entries = new ArrayList<>(first.chapters());
    entries.set(0, new ChapterEntry("intro", "9".repeat(64), "Introduction"));
    entries.remove(2);
    CommitIngested second =
        new CommitIngested(
            BOOK,
            SECOND,
            FIRST,
            "Bob <bob@example.org>",
            "Greet the <reader>",
            Instant.parse("2026-03-02T10:00:00Z"),
            first.book(),
            entries,
            first.assets(),
            List.of("intro"),
            List.of("appendix"),
            false,
            List.of());
    history.accepted(second);
    history.building(second, EditionFormat.PDF);
    history.rejected(
        new CommitRejected(
            BOOK,
            REJECTED,
            "Eve <eve@example.org>",
            "Break a link",
            Instant.parse("2026-03-03T10:00:00Z"),
            List.of(Problem.error("chapters/intro.md", 3, "link to missing chapter 'x'"))));
  }

  @Test
  void rendersBooksLatestEditionsAndTheHistoryAsAccessibleHtml() throws Exception {
    String html =
        mvc.perform(get("/"))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith("text/html"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    Document doc = Jsoup.parse(html);
    assertThat(doc.select("html").attr("lang")).isEqualTo("en");
    assertThat(doc.select("a.skip-link").attr("href")).isEqualTo("#main");
    assertThat(doc.select("main#main")).hasSize(1);
    assertThat(doc.select("h1").text()).isEqualTo("Editions");
    Element pdf = doc.selectFirst("[data-latest=go-guide] li[data-format=PDF]");
    assertThat(pdf.select("a").attr("href")).isEqualTo("/books/go-guide/latest.pdf");
    assertThat(pdf.text())
        .contains("1.2 MB", "Pages 31", "1111111", "a".repeat(64), "2026-03-01 10:00 UTC");
    assertThat(doc.select("[data-latest=go-guide] li[data-format=HTML] a").attr("href"))
        .isEqualTo("http://site.test/books/go-guide/");
    assertThat(doc.select("[data-latest=go-guide] li[data-format=EPUB]").text())
        .contains("Not built yet");

    assertThat(doc.select("table.history thead th")).allMatch(th -> th.attr("scope").equals("col"));
    List<String> rows = doc.select("tbody[data-history=go-guide] tr").eachAttr("data-commit");
    assertThat(rows).containsExactly(REJECTED, SECOND, FIRST);
    Element rejected = doc.getElementById("c-go-guide-" + REJECTED);
    assertThat(rejected.select(".problems li").text())
        .isEqualTo("chapters/intro.md:3: link to missing chapter 'x'");
    assertThat(rejected.select("td[data-format=PDF]").text()).contains("rejected");
    Element second = doc.getElementById("c-go-guide-" + SECOND);
    assertThat(second.select("td.message").text()).isEqualTo("Greet the <reader>");
    assertThat(html).contains("Greet the &lt;reader&gt;");
    assertThat(second.select("td[data-format=PDF]").text()).contains("building");
    assertThat(second.select("td[data-format=EPUB]").text()).contains("queued");
    assertThat(second.select("a:contains(compare with previous)").attr("href"))
        .isEqualTo("/books/go-guide/diff?from=" + FIRST + "&to=" + SECOND);
    Element first = doc.getElementById("c-go-guide-" + FIRST);
    assertThat(first.select("td[data-format=PDF] a").attr("href"))
        .isEqualTo("/editions/" + "a".repeat(32) + ".pdf");
    assertThat(first.select("td[data-format=HTML] a").attr("href"))
        .isEqualTo("http://site.test/books/go-guide/@" + FIRST + "/");
  }

  @Test
  void showsChaptersAddedRemovedAndChangedAndAReadableTextDiff() throws Exception {
    String html =
        mvc.perform(
                get("/books/go-guide/diff")
                    .param("from", FIRST.substring(0, 7))
                    .param("to", SECOND))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    Document doc = Jsoup.parse(html);
    assertThat(doc.select(".counts").text())
        .isEqualTo("1 chapter changed, 0 chapters added, 1 chapter removed, 1 chapter unchanged.");
    assertThat(doc.select("table.chapters tr.changed th").text()).contains("Introduction", "intro");
    assertThat(doc.select("table.chapters tr.removed th").text()).contains("Appendix Ωmega");
    Element intro = doc.getElementById("d-intro").parent();
    assertThat(intro.select("tr.changed ins").text()).contains(", reader");
    assertThat(intro.select("tr.added .text").text()).contains("A new closing paragraph.");
    assertThat(intro.select("tr.added .mark").text()).contains("+", "added");
    Element appendix = doc.getElementById("d-appendix").parent();
    assertThat(appendix.select("tr.removed del").text()).contains("Ελληνικά και русский текст");
    assertThat(doc.select("form.compare label[for=from]")).hasSize(1);
    assertThat(doc.select("select#to option[selected]").attr("value")).isEqualTo(SECOND);

    Document one =
        Jsoup.parse(
            mvc.perform(
                    get("/books/go-guide/diff")
                        .param("from", FIRST)
                        .param("to", SECOND)
                        .param("doc", "intro"))
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(one.select("section.chapter-diff")).hasSize(1);
    Document latest =
        Jsoup.parse(
            mvc.perform(get("/books/go-guide/diff"))
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(latest.select(".lead").text()).contains("1111111", "2222222");
  }

  @Test
  void answersNotFoundForUnknownOrRejectedCommits() throws Exception {
    mvc.perform(get("/books/go-guide/diff").param("from", FIRST).param("to", REJECTED))
        .andExpect(status().isNotFound());
    mvc.perform(get("/books/nope/diff"))
        .andExpect(status().isNotFound())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("no accepted commit")));
  }

  @Test
  void streamsStateChangesAsServerSentEvents() throws Exception {
    mvc.perform(get("/api/events")).andExpect(request().asyncStarted());
  }

  @Autowired PortalEvents events;

  @Test
  void eventsCarryTheNewStatesAndTheFragmentsToSwapIn() {
    var entry = history.find(BOOK, SECOND).orElseThrow();
    var payload = events.payload(entry);
    assertThat(payload).containsEntry("bookId", BOOK).containsEntry("commit", SECOND);
    assertThat(payload.get("states"))
        .isEqualTo(java.util.Map.of("HTML", "queued", "PDF", "building", "EPUB", "queued"));
    assertThat((String) payload.get("row")).startsWith("<tr id=\"c-go-guide-" + SECOND + "\"");
    assertThat((String) payload.get("announce"))
        .isEqualTo("go-guide commit 2222222: HTML queued, PDF building, EPUB queued.");
  }

  private void publish(CommitIngested m, EditionFormat format, String id) {
    EditionPublished e =
        new EditionPublished(
            id.repeat(32),
            BOOK,
            m.commit(),
            format,
            "a".repeat(64),
            1_234_567,
            format == EditionFormat.PDF ? 31 : null,
            m.committedAt(),
            850,
            format == EditionFormat.HTML
                ? "/books/go-guide/"
                : "/editions/" + id.repeat(32) + ".pdf");
    catalog.add(e);
    history.finished(e);
  }
}
