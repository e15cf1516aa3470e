package io.galley.export.edition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.galley.export.Books;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Images checked from their headers, SVGs sanitised, chapters measured: before any decoding. */
class BuildPreflightTest {

  @Test
  void failsTheBuildNamingTheImageAndTheBudget() {
    BuildBudget budget = Budgets.of("max-image-pixels=1000");
    assertThatThrownBy(() -> new BuildPreflight(budget).check(Books.content()))
        .isInstanceOf(BudgetExceeded.class)
        .hasMessageContaining("image 'images/diagram.png' (in chapter 'intro') is 40 × 30")
        .hasMessageContaining("max-image-pixels (1,000)");
  }

  @Test
  void failsTheBuildNamingAChapterOverItsSize() {
    BuildBudget budget = Budgets.of("max-chapter-chars=100");
    assertThatThrownBy(() -> new BuildPreflight(budget).check(Books.content()))
        .isInstanceOf(BudgetExceeded.class)
        .hasMessageMatching("chapter 'intro' is [0-9,]+ characters .*max-chapter-chars \\(100\\)");
  }

  @Test
  void passesABookWithinItsBudgetsWithItsSvgSanitised() {
    BookContent checked = new BuildPreflight(BuildBudget.DEFAULTS).check(Books.content());
    assertThat(checked.chapters()).isEqualTo(Books.content().chapters());
    String svg =
        new String(
            checked.assets().bytes(Books.svg().sha256()).orElseThrow(), StandardCharsets.UTF_8);
    assertThat(svg).contains("<rect", "viewBox=\"0 0 120 60\"");
  }

  @Test
  void buildersStopAtTheirPageAndTimeBudgetsNamingTheChapter() {
    BuildBudget onePage = Budgets.of("max-pages=1");
    assertThatThrownBy(
            () ->
                new io.galley.export.pdf.PdfEditionBuilder(
                        "export-test/1",
                        false,
                        java.nio.file.Files.createTempDirectory("parts"),
                        onePage)
                    .build(Books.content()))
        .isInstanceOf(BudgetExceeded.class)
        .hasMessageMatching(
            "chapter '[a-z/]+' brings the PDF to [0-9]+ pages, over galley.export.build.max-pages \\(1\\)");
    BuildBudget noTime = Budgets.of("timeout=1ns");
    assertThatThrownBy(
            () -> new io.galley.export.epub.EpubEditionBuilder(noTime).build(Books.content()))
        .isInstanceOf(BudgetExceeded.class)
        .hasMessageContaining("the EPUB build ran out of its time budget at chapter '")
        .hasMessageContaining("galley.export.build.timeout (PT0.000000001S)");
  }
}
