package io.galley.export.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.export.StructuredBooks;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * The PDF of a GitBook-shaped book of forty chapters in four parts, read back with PDFBox: its
 * title, a page per part, bookmarks nested as SUMMARY.md nests the chapters, and contents that list
 * parts and chapters only, on at most three pages. A short numbered book lists its sections and
 * numbers, and stays PDF/UA-1.
 */
class StructuredPdfTest {

  static final PdfEditionBuilder BUILDER = new PdfEditionBuilder("export-test/1", true);
  static byte[] long40;
  static byte[] numbered;

  @BeforeAll
  static void build() throws Exception {
    long40 = BUILDER.build(StructuredBooks.book(40, 10, false, 0)).bytes();
    numbered = BUILDER.build(StructuredBooks.book(6, 3, true, 2)).bytes();
  }

  @Test
  void namesTheBookInTheMetadataAndOnTheTitlePage() throws Exception {
    try (PDDocument pdf = Loader.loadPDF(long40)) {
      assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo(StructuredBooks.TITLE);
      assertThat(text(pdf, 0)).contains(StructuredBooks.TITLE);
    }
  }

  @Test
  void nestsTheBookmarksUnderPartsAndChapters() throws Exception {
    try (PDDocument pdf = Loader.loadPDF(long40)) {
      List<PDOutlineItem> top = children(pdf.getDocumentCatalog().getDocumentOutline().children());
      assertThat(top)
          .extracting(PDOutlineItem::getTitle)
          .containsExactly(
              "Introduction",
              "Part 1: fundamentals 1",
              "Part 2: fundamentals 2",
              "Part 3: fundamentals 3",
              "Part 4: fundamentals 4");
      PDOutlineItem part1 = top.get(1);
      List<PDOutlineItem> chapters = children(part1.children());
      assertThat(chapters).extracting(PDOutlineItem::getTitle).startsWith("Chapter title 1");
      assertThat(chapters).hasSize(10);
      PDOutlineItem third = chapters.get(2);
      assertThat(children(third.children()))
          .extracting(PDOutlineItem::getTitle)
          .contains("Nested kata 3", "Write the test first");
      // the part's bookmark opens its page, which says the part's name and nothing of a chapter
      PDPage partPage = part1.findDestinationPage(pdf);
      String partText = text(pdf, pdf.getPages().indexOf(partPage));
      assertThat(partText).contains("Part 1: fundamentals 1").doesNotContain("Some words");
      assertThat(pdf.getPages().indexOf(chapters.get(0).findDestinationPage(pdf)))
          .isEqualTo(pdf.getPages().indexOf(partPage) + 1);
    }
  }

  @Test
  void listsPartsAndChaptersOfALongBookOnAtMostThreePages() throws Exception {
    try (PDDocument pdf = Loader.loadPDF(long40)) {
      String[] labels = pdf.getDocumentCatalog().getPageLabels().getLabelsByPageIndices();
      int contents = -1;
      for (int p = 0; p < pdf.getNumberOfPages() && contents < 0; p++) {
        if (text(pdf, p).contains("Contents")) {
          contents = p;
        }
      }
      int firstChapter = List.of(labels).indexOf("1");
      assertThat(contents).isNotNegative();
      assertThat(firstChapter - contents).isBetween(1, 3);
      StringBuilder listed = new StringBuilder();
      for (int p = contents; p < firstChapter; p++) {
        listed.append(text(pdf, p));
      }
      assertThat(listed.toString())
          .contains("Part 4: fundamentals 4", "Chapter title 40", "Nested kata 39")
          .doesNotContain("Write the test first");
    }
  }

  @Test
  void aNumberedBookListsNumbersAndSectionsAndOpensChaptersWithTheirNumber() throws Exception {
    try (PDDocument pdf = Loader.loadPDF(numbered)) {
      String all = new PDFTextStripper().getText(pdf);
      assertThat(all).containsPattern("3\\.1\\. Nested kata 3[ .]*\\d+");
      assertThat(all).containsPattern("Write the test first[ .]*\\d+");
      assertThat(all).contains("Chapter 3\n", "3.1 Nested kata 3");
      List<PDOutlineItem> top = children(pdf.getDocumentCatalog().getDocumentOutline().children());
      assertThat(children(top.get(1).children()))
          .extracting(PDOutlineItem::getTitle)
          .containsExactly("1. Chapter title 1", "2. Chapter title 2", "3. Chapter title 3");
    }
  }

  @Test
  void partPagesAndNestedBookmarksStayPdfUa1() throws Exception {
    VeraGreenfieldFoundryProvider.initialise();
    try (PDFAParser parser =
            Foundries.defaultInstance()
                .createParser(new ByteArrayInputStream(numbered), PDFAFlavour.PDFUA_1);
        PDFAValidator validator =
            Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false)) {
      ValidationResult result = validator.validate(parser);
      assertThat(result.isCompliant()).as("%s", result.getTestAssertions()).isTrue();
    }
  }

  private static List<PDOutlineItem> children(Iterable<PDOutlineItem> items) {
    List<PDOutlineItem> out = new java.util.ArrayList<>();
    items.forEach(out::add);
    return out;
  }

  private static String text(PDDocument pdf, int index) throws java.io.IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setStartPage(index + 1);
    stripper.setEndPage(index + 1);
    return stripper.getText(pdf);
  }
}
