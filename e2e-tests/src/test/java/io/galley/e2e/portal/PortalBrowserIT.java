package io.galley.e2e.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.galley.e2e.Stack;
import io.galley.testsupport.KafkaBroker;
import io.galley.testsupport.TestRepo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;

/**
 * The publisher portal in a real browser (Debian's headless Chromium driven by Selenium) on the
 * whole stack: a commit appears and turns published without a reload, the PDF link yields a PDF,
 * and two editions can be compared. Skipped only where {@code /usr/bin/chromium} is missing.
 */
class PortalBrowserIT {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Duration PIPELINE = Duration.ofSeconds(120);

  /**
   * Where the README's screenshot is written; set {@code -Dgalley.screenshot=<file>} to refresh it.
   */
  static final String SCREENSHOT = System.getProperty("galley.screenshot", "");

  /** How many times the page has fetched the site's search index. */
  static final String INDEX_REQUESTS =
      "return performance.getEntriesByType('resource')"
          + ".filter(function (r) { return r.name.indexOf('search-index.js') >= 0; }).length";

  /** How many of the site's search shards the page has fetched. */
  static final String SHARD_REQUESTS =
      "return performance.getEntriesByType('resource')"
          + ".filter(function (r) { return r.name.indexOf('/search/') >= 0; }).length";

  @TempDir static Path tmp;
  static TestRepo repo;
  static String first;
  static Stack stack;
  static WebDriver browser;

  @BeforeAll
  static void start() throws IOException {
    assumeTrue(Files.isExecutable(CHROMIUM), "headless Chromium is not installed at " + CHROMIUM);
    repo = TestRepo.init(tmp.resolve("content"));
    FieldNotes.write(repo);
    first = repo.commit("First two chapters");
    stack =
        Stack.start(KafkaBroker.selected().bootstrapServers(), repo.dir(), tmp.resolve("state"));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1400",
        "--user-data-dir=" + Files.createTempDirectory(tmp, "chromium"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (stack != null) {
      stack.close();
    }
    if (repo != null) {
      repo.close();
    }
  }

  @Test
  void showsANewCommitTurnPublishedLiveServesItsPdfAndComparesEditions() throws Exception {
    browser.get(stack.exportUrl() + "/");
    awaitPublished(first);
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    assertKeyboardReachesTheSkipLinkFirst();
    script("window.galleyLoaded = 'the same page'");

    FieldNotes.edit(repo);
    String second = repo.commit("Dry socks, and a chapter on weather");
    Set<String> seen = new LinkedHashSet<>();
    await()
        .atMost(PIPELINE)
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              WebElement row = row(second);
              seen.add(row.findElement(By.cssSelector("td[data-format=PDF] .state")).getText());
              assertThat(states(second)).containsOnly("published");
            });
    assertThat(script("return window.galleyLoaded")).as("no reload").isEqualTo("the same page");
    assertThat(row(second).findElement(By.cssSelector("td.message")).getText())
        .isEqualTo("Dry socks, and a chapter on weather");
    assertThat(seen).last().asString().contains("published");

    FieldNotes.breakImage(repo);
    String broken = repo.commit("Add a trail map");
    await()
        .atMost(PIPELINE)
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              assertThat(states(broken)).containsOnly("rejected");
              assertThat(row(broken).findElement(By.cssSelector(".problems")).getText())
                  .contains("chapters/trails.md:3", "missing.png");
            });
    assertThat(script("return window.galleyLoaded")).as("no reload").isEqualTo("the same page");
    script("window.scrollTo(0, 0)");
    screenshot("portal.png");
    assertFitsANarrowScreenInDarkMode();

    WebElement pdfLink =
        browser.findElement(By.cssSelector("[data-latest='field-notes'] li[data-format=PDF] a"));
    HttpResponse<byte[]> pdf =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(pdfLink.getAttribute("href"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    try (PDDocument doc = Loader.loadPDF(pdf.body())) {
      assertThat(doc.getNumberOfPages()).isPositive();
      assertThat(new PDFTextStripper().getText(doc)).contains(FieldNotes.EDITED, "Weather");
    }

    row(second).findElement(By.partialLinkText("compare with previous")).click();
    await().atMost(Duration.ofSeconds(10)).until(() -> browser.getTitle().startsWith("Changes in"));
    assertThat(browser.findElement(By.cssSelector(".counts")).getText())
        .isEqualTo("1 chapter changed, 1 chapter added, 0 chapters removed, 1 chapter unchanged.");
    WebElement packing =
        browser.findElement(By.id("d-chapters_packing")).findElement(By.xpath(".."));
    assertThat(packing.findElement(By.cssSelector("tr.changed .text")).getAttribute("textContent"))
        .contains("Pack a", "spare", "second", "dry", "always");
    assertThat(
            packing.findElements(By.cssSelector("tr.changed ins")).stream()
                .map(e -> e.getAttribute("textContent")))
        .anyMatch(t -> t.contains("second"))
        .anyMatch(t -> t.contains("always"));
    assertThat(
            packing.findElements(By.cssSelector("tr.changed del")).stream()
                .map(e -> e.getAttribute("textContent")))
        .anyMatch(t -> t.contains("spare"));
    List<String> added =
        browser
            .findElement(By.id("d-chapters_weather"))
            .findElement(By.xpath(".."))
            .findElements(By.cssSelector("tr.added"))
            .stream()
            .map(WebElement::getText)
            .toList();
    assertThat(added).hasSize(2).allMatch(t -> t.contains("+"));
    assertThat(added.get(1)).contains("Check the forecast the evening before.");
    screenshot("portal-diff.png");

    // the edited book's site: search finds the edited, the added and the unchanged chapter's words
    browser.get(stack.renderUrl() + "/books/" + FieldNotes.BOOK_ID + "/@" + second + "/");
    assertThat(siteSearch("always")).containsExactly("Packing");
    assertThat(siteSearch("forecast")).containsExactly("Weather");
    assertThat(siteSearch("noon")).containsExactly("Trails");
    assertThat(script(SHARD_REQUESTS)).as("one shard per chapter").isEqualTo(3L);
  }

  /** Types {@code query} into the open site's search box; the titles of the results. */
  private List<String> siteSearch(String query) {
    WebElement input = browser.findElement(By.id("galley-search"));
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), query);
    List<String> titles = new java.util.ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(
            () -> {
              titles.clear();
              browser.findElements(By.cssSelector(".search-results li a")).stream()
                  .map(WebElement::getText)
                  .forEach(titles::add);
              return !titles.isEmpty();
            });
    return List.copyOf(titles);
  }

  @Test
  void siteSearchLoadsTheBooksTextOnlyWhenTheReaderSearches() {
    String site = stack.renderUrl() + "/books/" + FieldNotes.BOOK_ID + "/@" + first + "/";
    await()
        .atMost(PIPELINE)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              browser.get(site);
              assertThat(browser.findElement(By.cssSelector("form.search")).isDisplayed()).isTrue();
            });
    assertThat(script("return typeof window.galleySearchShards")).isEqualTo("undefined");
    assertThat(script(INDEX_REQUESTS)).as("index fetched before a search").isEqualTo(0L);
    assertThat(script(SHARD_REQUESTS)).as("shards fetched before a search").isEqualTo(0L);

    WebElement input = browser.findElement(By.id("galley-search"));
    input.sendKeys("socks");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(browser.findElements(By.cssSelector(".search-results li a")))
                    .extracting(WebElement::getText)
                    .containsExactly("Packing"));
    assertThat(browser.findElement(By.cssSelector(".search-results li p")).getText())
        .contains("spare pair of socks");
    assertThat(script(INDEX_REQUESTS)).isEqualTo(1L);
    assertThat(script(SHARD_REQUESTS)).as("one shard per chapter").isEqualTo(2L);

    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), "zebras");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(browser.findElement(By.cssSelector(".search-results")).getText())
                    .isEqualTo("No results"));
    assertThat(script(INDEX_REQUESTS)).as("loaded once").isEqualTo(1L);
    assertThat(script(SHARD_REQUESTS)).as("loaded once").isEqualTo(2L);
  }

  private void assertFitsANarrowScreenInDarkMode() throws IOException {
    ChromeDriver chrome = (ChromeDriver) browser;
    chrome.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
    browser.manage().window().setSize(new Dimension(400, 1400));
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(
                        script("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("no sideways scrolling")
                    .isEqualTo(true));
    assertThat(script("return getComputedStyle(document.body).backgroundColor"))
        .isEqualTo("rgb(18, 20, 24)");
    screenshot("portal-narrow-dark.png");
    chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
    browser.manage().window().setSize(new Dimension(1280, 1400));
  }

  private void awaitPublished(String commit) {
    await()
        .atMost(PIPELINE)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .untilAsserted(() -> assertThat(states(commit)).containsOnly("published"));
  }

  private List<String> states(String commit) {
    return row(commit).findElements(By.cssSelector("td[data-format] .state")).stream()
        .map(e -> e.getText().replaceAll("^\\W+", "").strip())
        .toList();
  }

  private WebElement row(String commit) {
    return browser.findElement(By.cssSelector("tr[data-commit='" + commit + "']"));
  }

  private void assertKeyboardReachesTheSkipLinkFirst() {
    new Actions(browser).sendKeys(Keys.TAB).perform();
    WebElement focused = browser.switchTo().activeElement();
    assertThat(focused.getAttribute("class")).contains("skip-link");
    focused.sendKeys(Keys.ENTER);
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("main");
  }

  private Object script(String js) {
    return ((JavascriptExecutor) browser).executeScript(js);
  }

  private void screenshot(String name) throws IOException {
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Path target =
        SCREENSHOT.isBlank() ? tmp.resolve(name) : Path.of(SCREENSHOT).resolveSibling(name);
    Files.createDirectories(target.toAbsolutePath().getParent());
    Files.write(target, png);
  }
}
