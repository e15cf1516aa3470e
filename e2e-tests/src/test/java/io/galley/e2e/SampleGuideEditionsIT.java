package io.galley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.DefaultReportImpl;
import io.galley.testsupport.KafkaBroker;
import io.galley.testsupport.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample guide, as an editor commits it, through the whole pipeline: every published chapter is
 * in each edition in order, the draft is in none, Greek and Cyrillic come out with embedded fonts,
 * and the EPUB passes EPUBCheck.
 */
class SampleGuideEditionsIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir static Path tmp;
  static TestRepo repo;
  static Stack stack;
  static String commit;

  @BeforeAll
  static void publishTheGuide() {
    repo = TestRepo.init(tmp.resolve("content"));
    repo.copyFrom(Path.of("..", "guide"), "guide");
    commit = repo.commit("The sample guide");
    stack =
        Stack.start(KafkaBroker.selected().bootstrapServers(), repo.dir(), tmp.resolve("state"));
    await()
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> publishedFormats().containsAll(List.of("HTML", "PDF", "EPUB")));
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
    if (repo != null) {
      repo.close();
    }
  }

  private static List<String> publishedFormats() {
    List<String> formats = new ArrayList<>();
    for (JsonNode e : JSON.readTree(Http.get(stack.exportUrl() + "/api/editions").body())) {
      if (commit.equals(e.get("commit").asString())) {
        formats.add(e.get("format").asString());
      }
    }
    return formats;
  }

  /** Chapter titles in reading order, as ingest found them (drafts excluded). */
  private static List<String> chapterTitles() {
    JsonNode books = JSON.readTree(Http.get(stack.ingestUrl() + "/api/books").body());
    List<String> titles = new ArrayList<>();
    for (JsonNode chapter : books.get(0).get("chapters")) {
      titles.add(chapter.get("title").asString());
    }
    return titles;
  }

  @Test
  void ingestPublishesEveryChapterButTheDraft() {
    List<String> titles = chapterTitles();
    assertThat(titles).hasSizeGreaterThanOrEqualTo(20).doesNotContain("Generics");
    assertThat(titles.get(0)).isEqualTo("Why Go");
  }

  @Test
  void pdfHasEveryChapterAsABookmarkInOrderWithEmbeddedFontsAndNonLatinText() throws Exception {
    byte[] pdf = Http.get(stack.exportUrl() + "/books/go-guide/latest.pdf").body();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      List<String> bookmarks = new ArrayList<>();
      for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) {
        bookmarks.add(item.getTitle());
      }
      assertThat(bookmarks).containsSubsequence(chapterTitles()).doesNotContain("Generics");

      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("Γειά σου", "Привет").doesNotContain("\uFFFD");
      for (PDPage page : doc.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
        }
      }
      assertThat(doc.getDocumentInformation().getTitle())
          .isEqualTo("Go in Practice: A Field Guide");
    }
  }

  @Test
  void epubPassesEpubCheck() throws Exception {
    Path file = tmp.resolve("go-guide.epub");
    Files.write(file, Http.get(stack.exportUrl() + "/books/go-guide/latest.epub").body());
    DefaultReportImpl report = new DefaultReportImpl(file.getFileName().toString());
    new EpubCheck(file.toFile(), report).doValidate();
    assertThat(report.getErrorCount() + report.getFatalErrorCount())
        .as("EPUBCheck errors")
        .isZero();
    assertThat(report.getWarningCount()).as("EPUBCheck warnings").isZero();
  }

  @Test
  void siteIndexLinksEveryChapterInOrderAndEveryPageLoads() {
    String index = stack.renderUrl() + "/books/go-guide/";
    Document doc = Jsoup.parse(Http.get(index).text(), index);
    List<String> linked = new ArrayList<>();
    doc.select("main a[href]").forEach(a -> linked.add(a.text()));
    assertThat(linked).containsSubsequence(chapterTitles()).doesNotContain("Generics");
    doc.select("main a[href]")
        .forEach(
            a ->
                assertThat(Http.get(a.absUrl("href")).status())
                    .as(a.absUrl("href"))
                    .isEqualTo(200));
  }
}
