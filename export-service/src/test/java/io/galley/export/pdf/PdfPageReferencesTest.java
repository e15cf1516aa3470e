package io.galley.export.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.PrintSettings;
import io.galley.export.edition.BookContent;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * Links to other chapters and sections print the page they lead to when the book asks for it
 * ({@code pageReferences: true}), the page where the target really is; by default they do not.
 */
class PdfPageReferencesTest {

  static final PdfEditionBuilder BUILDER = new PdfEditionBuilder("export-test/1", true);

  private static BookContent book(PrintSettings print) {
    String first =
        "<p>See <a href=\"doc:c3\">the last chapter</a>, <a href=\"doc:c2#deep\">the deep"
            + " section</a> and <a href=\"#local\">the local one</a>; a note<a href=\"#fn1\""
            + " class=\"footnote-ref\">1</a>.</p>"
            + PrintedBooks.paragraphs(20)
            + "<h2 id=\"local\">[Local]</h2><p>Here.</p><ol><li id=\"fn1\">A note.</li></ol>";
    String second = PrintedBooks.paragraphs(25) + "<h2 id=\"deep\">[Deep]</h2><p>Deep.</p>";
    String third = "<h1 id=\"last\">[Last]</h1><p>The end.</p>";
    return PrintedBooks.book(print, "en", List.of(), first, second, third);
  }

  /** The printed number of the page on which {@code marker} stands. */
  private static String printedPage(PDDocument pdf, String marker) throws Exception {
    for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setStartPage(page);
      stripper.setEndPage(page);
      String text = stripper.getText(pdf);
      if (text.contains(marker)) {
        Matcher number = Pattern.compile("(?m)^([0-9]+)$").matcher(text);
        assertThat(number.find()).as("a page number on page %d", page).isTrue();
        return number.group(1);
      }
    }
    throw new AssertionError(marker + " not found");
  }

  /** The text in reading order (links are drawn after the text around them). */
  private static String sorted(PDDocument doc) throws Exception {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setSortByPosition(true);
    return stripper.getText(doc).replaceAll("\\s+", " ");
  }

  @Test
  void linksShowThePageTheyLeadToWhenTheBookAsks() throws Exception {
    byte[] pdf = BUILDER.build(book(new PrintSettings(true, true, true))).bytes();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = sorted(doc);
      String last = printedPage(doc, "[Last]");
      String deep = printedPage(doc, "[Deep]");
      String local = printedPage(doc, "[Local]");
      assertThat(List.of(last, deep, local)).doesNotHaveDuplicates().doesNotContain("1");
      assertThat(text)
          .contains(
              "the last chapter (page " + last + ")",
              "the deep section (page " + deep + ")",
              "the local one (page " + local + ")")
          .doesNotContain("note (page", "note1 (page");
    }
    VeraGreenfieldFoundryProvider.initialise();
    assertThat(PdfConformanceTest.failures(pdf, PDFAFlavour.PDFUA_1)).isEmpty();
    assertThat(PdfConformanceTest.failures(pdf, PDFAFlavour.PDFA_3_U)).isEmpty();
  }

  @Test
  void linksShowNoPageByDefault() throws Exception {
    byte[] pdf = BUILDER.build(book(PrintSettings.DEFAULTS)).bytes();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = sorted(doc);
      assertThat(text).contains("the last chapter,").doesNotContain("(page ");
    }
  }
}
