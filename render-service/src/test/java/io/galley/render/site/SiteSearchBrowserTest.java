package io.galley.render.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.galley.events.RenderedChapter;
import io.galley.render.assets.AssetStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The site's search in a real browser (Debian's headless Chromium), opened from files as a reader
 * of the downloaded zip would: after a one-chapter edit, the edited chapter's new words are found
 * (its new shard) and so are an unchanged chapter's (a shard linked from the last site). Skipped
 * only where {@code /usr/bin/chromium} is missing.
 */
class SiteSearchBrowserTest {

  @TempDir static Path tmp;
  static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(HeadlessChromium.installed(), "headless Chromium is not installed");
    browser = HeadlessChromium.start(tmp);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void searchFindsAnEditedChaptersNewWordsAndEveryOtherChaptersAfterTheEdit() throws Exception {
    AssetStore assets = new AssetStore(tmp.resolve("assets"));
    assets.put(IncrementalSiteTest.SHA, IncrementalSiteTest.IMAGE);
    List<RenderedChapter> first = IncrementalSiteTest.chapters(40, "Topic");
    List<RenderedChapter> second =
        IncrementalSiteTest.edit(first, 6, x -> x.replace("Body of 7.2:", "Body of 7.2: quokkas"));
    SiteBuilder builder = new SiteBuilder(new SiteLibrary(tmp.resolve("sites")), assets);
    Path before = builder.build(IncrementalSiteTest.manifest("a", first), first).dir();
    Path after = builder.build(IncrementalSiteTest.manifest("b", second), second).dir();

    open(after);
    assertThat(search("quokkas")).containsExactly("Topic 7 › Section 2");
    assertThat(search("31.3:")).as("an unchanged chapter").containsExactly("Topic 31 › Section 3");
    open(before);
    assertThat(search("quokkas")).containsExactly("No results");
    assertThat(search("31.3:")).containsExactly("Topic 31 › Section 3");
  }

  private static void open(Path site) {
    browser.get(site.resolve("index.html").toUri().toString());
  }

  /** Types the query into the search box and returns the titles of the results, once shown. */
  private static List<String> search(String query) {
    WebElement input = browser.findElement(By.id("galley-search"));
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), query);
    List<String> titles = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(20))
        .ignoreExceptions()
        .until(
            () -> {
              titles.clear();
              for (WebElement li : browser.findElements(By.cssSelector(".search-results li"))) {
                List<WebElement> links = li.findElements(By.tagName("a"));
                titles.add(links.isEmpty() ? li.getText() : links.get(0).getText());
              }
              return !titles.isEmpty();
            });
    return List.copyOf(titles);
  }
}
