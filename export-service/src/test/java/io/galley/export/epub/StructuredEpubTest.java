package io.galley.export.epub;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.DefaultReportImpl;
import io.galley.export.StructuredBooks;
import io.galley.export.edition.BookContent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The EPUB of a GitBook-shaped book: the navigation document and the NCX nest chapters under their
 * parts and sub-chapters under their chapters, and EPUBCheck finds nothing to say.
 */
class StructuredEpubTest {

  @TempDir Path dir;

  @Test
  void nestsTheNavigationUnderPartsAndPassesEpubCheck() throws Exception {
    Path file = build(StructuredBooks.book(40, 10, false, 0), "long.epub");
    Document nav = Jsoup.parse(entry(file, "OEBPS/nav.xhtml"), "", Parser.xmlParser());
    Element toc = nav.selectFirst("nav#toc > ol");
    assertThat(toc.children().eachText()).hasSize(5);
    assertThat(toc.select("> li > span").eachText())
        .containsExactly(
            "Part 1: fundamentals 1",
            "Part 2: fundamentals 2",
            "Part 3: fundamentals 3",
            "Part 4: fundamentals 4");
    Element third = toc.select("li:has(> a:containsOwn(Chapter title 3))").first();
    assertThat(third.select("> ol > li > a").eachText()).containsExactly("Nested kata 3");
    // forty chapters: the contents list parts and chapters, not every chapter's sections
    assertThat(toc.text()).doesNotContain("Write the test first");
    Document ncx = Jsoup.parse(entry(file, "OEBPS/toc.ncx"), "", Parser.xmlParser());
    assertThat(ncx.select("navMap > navPoint")).hasSize(5);
    assertThat(ncx.select("navMap > navPoint > navPoint > navPoint > navLabel").eachText())
        .contains("Nested kata 3");
    assertThat(ncx.selectFirst("meta[name=dtb:depth]").attr("content")).isEqualTo("3");
  }

  @Test
  void aNumberedShortBookListsNumbersAndSectionsAndPassesEpubCheck() throws Exception {
    Path file = build(StructuredBooks.book(6, 3, true, 2), "short.epub");
    String nav = entry(file, "OEBPS/nav.xhtml");
    assertThat(nav).contains("3.1. Nested kata 3", "Write the test first", "<span>Part 2");
  }

  private Path build(BookContent book, String name) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, new EpubEditionBuilder().build(book).bytes());
    DefaultReportImpl report = new DefaultReportImpl(name);
    int result = new EpubCheck(file.toFile(), report).doValidate();
    assertThat(report.getFatalErrorCount() + report.getErrorCount() + report.getWarningCount())
        .isZero();
    assertThat(result).isZero();
    return file;
  }

  private static String entry(Path file, String name) throws Exception {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      return new String(
          zip.getInputStream(zip.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
