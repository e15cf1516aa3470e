package io.galley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.DefaultReportImpl;
import io.galley.testsupport.KafkaBroker;
import io.galley.testsupport.TestRepo;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole pipeline on one real broker: a commit to a git repository becomes HTML, PDF and EPUB
 * editions, and an edit becomes new editions while the old ones stay listed. Subclasses choose the
 * broker.
 */
abstract class PipelineTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration EDITIONS_TIMEOUT = Duration.ofSeconds(120);

  @TempDir static Path tmp;
  static TestRepo repo;
  static Stack stack;
  static String firstCommit;

  /**
   * The spans of all three services (each exports to it), to follow one commit's trace. One per
   * stack: closing a stack shuts its exporter down, and a stopped exporter drops what it is given.
   */
  static InMemorySpanExporter spans;

  static void startStack(KafkaBroker broker) {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    spans = exporter;
    repo = TestRepo.init(tmp.resolve("content"));
    Books.tinyGoGuide(repo);
    firstCommit = repo.commit("First three chapters");
    stack =
        Stack.start(
            broker.bootstrapServers(),
            repo.dir(),
            tmp.resolve("state"),
            app ->
                app.properties("management.opentelemetry.tracing.export.schedule-delay=100ms")
                    .initializers(
                        context ->
                            context
                                .getBeanFactory()
                                .registerSingleton("testSpanExporter", exporter)));
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
    if (repo != null) {
      repo.close();
    }
  }

  @Test
  void commitBecomesThreeEditionsAndAnEditBecomesNewOnes() throws Exception {
    String first = head();
    awaitEditions(first);

    assertPdfHoldsChapterTitlesInOrder(download("/books/tiny-go/latest.pdf"));
    assertEpubIsValid(download("/books/tiny-go/latest.epub"));
    assertSiteLinksEveryChapterAndImageLoads();

    repo.write(
        "chapters/hello.md",
        Files.readString(repo.dir().resolve("chapters/hello.md"))
            + "\nAn edited paragraph about gofmt.\n");
    String second = repo.commit("Mention gofmt");
    awaitEditions(second);

    assertThat(text(download("/books/tiny-go/latest.pdf")))
        .contains("An edited paragraph about gofmt.");
    assertThat(siteChapterTexts()).anyMatch(t -> t.contains("An edited paragraph about gofmt."));
    JsonNode editions = editions();
    assertThat(commitsOf(editions, "PDF")).contains(first, second);
    assertThat(commitsOf(editions, "EPUB")).contains(first, second);
    assertThat(commitsOf(editions, "HTML")).contains(first, second);
    assertThat(editions.get(0).get("commit").asString()).as("newest first").isEqualTo(second);
  }

  @Test
  void oneCommitIsOneTraceFromIngestThroughRenderToExport() {
    awaitEditions(firstCommit);
    CommitTraceView trace =
        await()
            .atMost(EDITIONS_TIMEOUT)
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> CommitTraceView.of(spans.getFinishedSpanItems(), firstCommit),
                t -> t.map(CommitTraceView::complete).orElse(false))
            .orElseThrow();
    System.out.println("the trace of " + firstCommit + ":\n" + trace.tree());
    trace.assertChained();
  }

  private static String head() throws IOException {
    try (var git = org.eclipse.jgit.api.Git.open(repo.dir().toFile())) {
      return git.getRepository().resolve("HEAD").getName();
    }
  }

  private void awaitEditions(String commit) {
    await()
        .atMost(EDITIONS_TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              JsonNode editions = editions();
              for (String format : List.of("HTML", "PDF", "EPUB")) {
                assertThat(commitsOf(editions, format)).as(format + " edition").contains(commit);
              }
            });
  }

  private JsonNode editions() {
    Http.Response r = Http.get(stack.exportUrl() + "/api/editions");
    assertThat(r.status()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static List<String> commitsOf(JsonNode editions, String format) {
    List<String> commits = new ArrayList<>();
    for (JsonNode e : editions) {
      if (format.equals(e.get("format").asString())
          && Books.BOOK_ID.equals(e.get("bookId").asString())) {
        commits.add(e.get("commit").asString());
      }
    }
    return commits;
  }

  private byte[] download(String path) {
    Http.Response r = Http.get(stack.exportUrl() + path);
    assertThat(r.status()).as(path).isEqualTo(200);
    return r.body();
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  private static void assertPdfHoldsChapterTitlesInOrder(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(3);
      PDFTextStripper stripper = new PDFTextStripper();
      // the chapters come after the front matter: look from the last page that starts a chapter
      String body = stripper.getText(doc);
      int last = -1;
      for (String title : Books.TITLES) {
        int at = body.indexOf(title, last + 1);
        assertThat(at).as("'" + title + "' after position " + last).isGreaterThan(last);
        last = at;
      }
      String lastPage = pageText(doc, doc.getNumberOfPages());
      assertThat(lastPage).contains(Books.TITLES[2]);
    }
  }

  private static String pageText(PDDocument doc, int page) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setStartPage(page);
    stripper.setEndPage(page);
    return stripper.getText(doc);
  }

  private static void assertEpubIsValid(byte[] epub) throws IOException {
    Path file = Files.createTempFile(tmp, "edition", ".epub");
    Files.write(file, epub);
    DefaultReportImpl report = new DefaultReportImpl(file.getFileName().toString());
    new EpubCheck(file.toFile(), report).doValidate();
    assertThat(report.getErrorCount()).as("EPUBCheck errors").isZero();
    assertThat(report.getFatalErrorCount()).as("EPUBCheck fatal errors").isZero();
    assertThat(report.getWarningCount()).as("EPUBCheck warnings").isZero();
  }

  private void assertSiteLinksEveryChapterAndImageLoads() {
    List<String> texts = siteChapterTexts();
    for (String title : Books.TITLES) {
      assertThat(texts).as("a chapter page titled " + title).anyMatch(t -> t.contains(title));
    }
    boolean imageSeen = false;
    for (String page : chapterUrls()) {
      Document doc = Jsoup.parse(Http.get(page).text(), page);
      for (Element img : doc.select("img[src]")) {
        Http.Response image = Http.get(img.absUrl("src"));
        assertThat(image.status()).as(img.absUrl("src")).isEqualTo(200);
        assertThat(image.contentType()).startsWith("image/png");
        assertThat(image.body()).isEqualTo(Books.GOPHER);
        imageSeen = true;
      }
    }
    assertThat(imageSeen).as("the chapter image is on a page").isTrue();
  }

  private List<String> siteChapterTexts() {
    List<String> texts = new ArrayList<>();
    for (String url : chapterUrls()) {
      Http.Response page = Http.get(url);
      assertThat(page.status()).as(url).isEqualTo(200);
      texts.add(Jsoup.parse(page.text()).text());
    }
    return texts;
  }

  /** The chapter pages the site's index links to, in order; every title must be linked. */
  private List<String> chapterUrls() {
    String index = stack.renderUrl() + "/books/tiny-go/";
    Http.Response r = Http.get(index);
    assertThat(r.status()).as(index).isEqualTo(200);
    Document doc = Jsoup.parse(r.text(), index);
    Set<String> urls = new LinkedHashSet<>();
    for (String title : Books.TITLES) {
      Element link =
          doc.select("a[href]").stream()
              .filter(a -> a.text().contains(title))
              .findFirst()
              .orElseThrow(() -> new AssertionError("index does not link '" + title + "'"));
      urls.add(link.absUrl("href").replaceAll("#.*$", ""));
    }
    return List.copyOf(urls);
  }
}
