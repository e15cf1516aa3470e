package io.galley.render.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.galley.events.RenderedChapter;
import io.galley.render.assets.AssetStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * A chapter page in a real browser (Debian's headless Chromium) at a phone's width of 375 CSS
 * pixels: the chapter's text comes first and the chapter list waits behind the menu button, which
 * the pointer and the keyboard open; at a desktop's width the list is beside the text as before.
 * Skipped only where Chromium is missing.
 */
class SiteSmallScreenBrowserTest {

  @TempDir static Path tmp;
  static WebDriver browser;
  static Path site;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(HeadlessChromium.installed(), "headless Chromium is not installed");
    AssetStore assets = new AssetStore(tmp.resolve("assets"));
    assets.put(IncrementalSiteTest.SHA, IncrementalSiteTest.IMAGE);
    List<RenderedChapter> chapters = IncrementalSiteTest.chapters(42, "Topic");
    site =
        new SiteBuilder(new SiteLibrary(tmp.resolve("sites")), assets)
            .build(IncrementalSiteTest.manifest("a", chapters), chapters)
            .dir();
    browser = HeadlessChromium.start(tmp);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  @BeforeEach
  void openChapterSeven() {
    browser.get(site.resolve("chapters/0007-topic.html").toUri().toString());
  }

  @Test
  void onAPhoneTheChapterComesFirstAndTheListOpensFromTheMenuButton() {
    viewport(375);
    WebElement list = browser.findElement(By.cssSelector("nav.toc"));
    WebElement heading = browser.findElement(By.cssSelector("main h1"));
    WebElement menu = browser.findElement(By.cssSelector("label.menu-button"));
    assertThat(menu.isDisplayed()).isTrue();
    assertThat(list.isDisplayed()).as("the chapter list before the menu is opened").isFalse();
    assertThat(heading.getText()).isEqualTo("Topic 7");
    assertThat(heading.getRect().getY()).as("the chapter's title near the top").isLessThan(200);

    menu.click();
    assertThat(list.isDisplayed()).isTrue();
    assertThat(list.findElements(By.tagName("li"))).hasSize(42);
    assertThat(list.findElement(By.cssSelector("a[aria-current=page]")).isDisplayed()).isTrue();

    menu.click();
    assertThat(list.isDisplayed()).as("the menu closes again").isFalse();
  }

  @Test
  void onAPhoneTheKeyboardOpensTheMenu() {
    viewport(375);
    WebElement list = browser.findElement(By.cssSelector("nav.toc"));
    // the skip link first, then the menu's checkbox
    new Actions(browser).sendKeys(Keys.TAB, Keys.TAB).perform();
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("galley-menu");
    new Actions(browser).sendKeys(Keys.SPACE).perform();
    assertThat(list.isDisplayed()).isTrue();
  }

  @Test
  void onADesktopTheListIsBesideTheTextWithoutAMenu() {
    viewport(1280);
    WebElement list = browser.findElement(By.cssSelector("nav.toc"));
    assertThat(list.isDisplayed()).isTrue();
    assertThat(browser.findElement(By.cssSelector("label.menu-button")).isDisplayed()).isFalse();
    WebElement heading = browser.findElement(By.cssSelector("main h1"));
    assertThat(list.getRect().getX()).isLessThan(heading.getRect().getX());
  }

  /** Sizes the window so that the page's own width (CSS pixels) is {@code width}. */
  private static void viewport(int width) {
    browser.manage().window().setSize(new Dimension(width, 800));
    long inner = (Long) ((JavascriptExecutor) browser).executeScript("return window.innerWidth;");
    if (inner != width) {
      browser.manage().window().setSize(new Dimension(width + (int) (width - inner), 800));
    }
    assertThat((Long) ((JavascriptExecutor) browser).executeScript("return window.innerWidth;"))
        .isEqualTo(width);
  }
}
