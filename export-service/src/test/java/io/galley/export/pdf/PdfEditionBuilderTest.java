package io.galley.export.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.export.Books;
import io.galley.export.edition.BuiltEdition;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PdfEditionBuilderTest {

  static final PdfEditionBuilder BUILDER = new PdfEditionBuilder("export-test/1", true);
  static BuiltEdition built;

  @BeforeAll
  static void build() throws Exception {
    built = BUILDER.build(Books.content());
  }

  @Test
  void putsChapterTitlesInReadingOrder() throws Exception {
    try (PDDocument pdf = Loader.loadPDF(built.bytes())) {
      String text = new PDFTextStripper().getText(pdf);
      int intro = text.lastIndexOf("Welcome.");
      int types = text.indexOf("Кириллица");
      int appendix = text.indexOf("Ελληνικά");
      assertThat(intro).isPositive();
      assertThat(types).isGreaterThan(intro);
      assertThat(appendix).isGreaterThan(types);
      assertThat(text).contains("The Go Guide", "Contents", "Numbers:");
      assertThat(pdf.getNumberOfPages()).isEqualTo(built.pages()).isGreaterThanOrEqualTo(6);
    }
  }

  @Test
  void embedsEveryFont() throws Exception {
    try (PDDocument pdf = Loader.loadPDF(built.bytes())) {
      List<String> fonts = new ArrayList<>();
      for (PDPage page : pdf.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          fonts.add(font.getName());
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        }
      }
      assertThat(fonts).anyMatch(f -> f.contains("LiberationSerif"));
      assertThat(fonts).anyMatch(f -> f.contains("LiberationSans"));
      assertThat(fonts).anyMatch(f -> f.contains("LiberationMono"));
    }
  }

  @Test
  void hasChapterAndSectionBookmarks() throws Exception {
    try (PDDocument pdf = Loader.loadPDF(built.bytes())) {
      List<String> titles = new ArrayList<>();
      List<String> sections = new ArrayList<>();
      for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
        titles.add(item.getTitle());
        item.children().forEach(child -> sections.add(child.getTitle()));
      }
      assertThat(titles).containsExactly("Introduction", "Types and Values", "Appendix Ωmega");
      assertThat(sections).containsExactly("Why Go", "Numbers", "Strings");
    }
  }

  @Test
  void stampsMetadataFromTheCommit() throws Exception {
    try (PDDocument pdf = Loader.loadPDF(built.bytes())) {
      var info = pdf.getDocumentInformation();
      assertThat(info.getTitle()).isEqualTo("The Go Guide");
      assertThat(info.getAuthor()).contains("Ada Lovelace");
      assertThat(info.getSubject()).isEqualTo("Practical notes");
      assertThat(info.getKeywords()).contains("go-guide");
      assertThat(info.getCreationDate().toInstant()).isEqualTo(Books.goGuide().committedAt());
      assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("en");
    }
  }

  @Test
  void tableOfContentsShowsPageNumbers() throws Exception {
    try (PDDocument pdf = Loader.loadPDF(built.bytes())) {
      PDFTextStripper stripper = new PDFTextStripper();
      int tocPage = 0;
      for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        if (stripper.getText(pdf).contains("Contents")) {
          tocPage = p;
          break;
        }
      }
      stripper.setStartPage(tocPage);
      stripper.setEndPage(tocPage);
      assertThat(stripper.getText(pdf)).containsPattern("Introduction[ .]*\\d+");
    }
  }

  @Test
  void numbersFrontMatterInRomanAndChaptersFromOne() throws Exception {
    try (PDDocument pdf = Loader.loadPDF(built.bytes())) {
      String[] labels = pdf.getDocumentCatalog().getPageLabels().getLabelsByPageIndices();
      assertThat(labels).startsWith("i", "ii", "iii", "1");
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setStartPage(3);
      stripper.setEndPage(3);
      assertThat(stripper.getText(pdf)).containsPattern("Introduction[ .]*1\\s");
    }
  }

  @Test
  void usesTheBooksPageSizeAndSkipsAMissingCover() throws Exception {
    BuiltEdition letter = BUILDER.build(Books.minimal());
    try (PDDocument pdf = Loader.loadPDF(letter.bytes())) {
      assertThat(pdf.getPage(0).getMediaBox().getWidth())
          .isCloseTo(612f, org.assertj.core.data.Offset.offset(1f));
      assertThat(pdf.getPage(0).getMediaBox().getHeight())
          .isCloseTo(792f, org.assertj.core.data.Offset.offset(1f));
      assertThat(pdf.getNumberOfPages()).isEqualTo(3);
      assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("de");
    }
    try (PDDocument pdf = Loader.loadPDF(built.bytes())) {
      assertThat(pdf.getPage(0).getMediaBox().getWidth())
          .isCloseTo(595f, org.assertj.core.data.Offset.offset(1f));
    }
  }

  @Test
  void sameInputGivesIdenticalBytes() throws Exception {
    assertThat(BUILDER.build(Books.content()).bytes()).isEqualTo(built.bytes());
  }
}
