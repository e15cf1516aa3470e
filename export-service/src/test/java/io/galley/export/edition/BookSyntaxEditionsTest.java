package io.galley.export.edition;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.DefaultReportImpl;
import io.galley.events.BookMetadata;
import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.events.Digests;
import io.galley.events.Heading;
import io.galley.events.RenderedChapter;
import io.galley.export.Books;
import io.galley.export.epub.EpubEditionBuilder;
import io.galley.export.pdf.PdfEditionBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chapter that used mdBook's include and GitBook's hint and code tags, as ingest and render hand
 * it on (the fragment is render's output for it, see render's GitBookBlocksTest), ends in the PDF
 * and the EPUB: the included code, its caption and the callout with its title.
 */
class BookSyntaxEditionsTest {

  /** Render's fragment for a chapter whose code came from {@code {{#include}}}. */
  static final String FRAGMENT =
      """
      <h1 id="includes">Includes</h1>
      <figure class="code-block"><figcaption>main.go</figcaption><pre><code class="language-go">\
      func includedFromSource() {}</code></pre></figure>
      <div class="callout callout-warning"><p class="callout-title">Warning</p>
      <p>Mind the included gap.</p>
      </div>
      """;

  @TempDir Path dir;

  static BookContent book() {
    BookMetadata meta =
        new BookMetadata(
            "syntax", "Syntax", null, List.of(), "en", null, null, "urn:galley:syntax", null, null);
    String sha = Digests.sha256Hex(FRAGMENT);
    CommitIngested manifest =
        new CommitIngested(
            "syntax",
            "2222222222222222222222222222222222222222",
            null,
            "a",
            "m",
            Instant.parse("2026-03-03T03:03:03Z"),
            meta,
            List.of(new ChapterEntry("includes", sha, "Includes")),
            List.of(),
            List.of(),
            List.of(),
            true,
            List.of());
    RenderedChapter chapter =
        new RenderedChapter(
            "syntax",
            "includes",
            sha,
            Books.RENDERER,
            "Includes",
            FRAGMENT,
            List.of(new Heading(1, "includes", "Includes")),
            List.of(),
            List.of(),
            List.of());
    return new BookContent(manifest, List.of(chapter), Books.assets());
  }

  @Test
  void showsIncludedCodeItsCaptionAndTheCalloutInThePdf() throws Exception {
    BuiltEdition pdf = new PdfEditionBuilder("export-test/1", true).build(book());
    try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text)
          .contains("func includedFromSource() {}", "main.go", "Warning", "Mind the included gap.");
    }
  }

  @Test
  void keepsTheCalloutAndCaptionInAValidEpub() throws Exception {
    BuiltEdition epub = new EpubEditionBuilder().build(book());
    Path file = dir.resolve("syntax.epub");
    Files.write(file, epub.bytes());
    DefaultReportImpl report = new DefaultReportImpl("syntax.epub");
    new EpubCheck(file.toFile(), report).doValidate();
    assertThat(report.getErrorCount() + report.getFatalErrorCount()).isZero();
    StringBuilder chapters = new StringBuilder();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (ZipEntry entry : Collections.list(zip.entries())) {
        if (entry.getName().endsWith(".xhtml") && !entry.getName().endsWith("nav.xhtml")) {
          chapters.append(
              new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    assertThat(chapters.toString())
        .contains("<div class=\"callout callout-warning\"><p class=\"callout-title\">Warning</p>")
        .contains("<figcaption>main.go</figcaption>")
        .contains("func includedFromSource() {}")
        .contains("Mind the included gap.");
  }
}
