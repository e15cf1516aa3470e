package io.galley.export.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.RenderedChapter;
import io.galley.export.Books;
import io.galley.export.edition.BookContent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PDF built from separately laid-out parts: links, outline, labels, cache and fonts. */
class PdfPartsTest {

  static byte[] pdf;

  @BeforeAll
  static void build(@TempDir Path parts) throws IOException {
    pdf = new PdfEditionBuilder("export-test/1", true, parts).build(Books.content()).bytes();
  }

  @Test
  void crossChapterLinkLandsOnTheSectionItNames() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDPageDestination numbers = null;
      for (PDPage page : doc.getPages()) {
        for (PDAnnotation annotation : page.getAnnotations()) {
          if (annotation instanceof PDAnnotationLink link) {
            assertThat(link.getAction() instanceof PDActionURI uri ? uri.getURI() : "")
                .doesNotContain("galley.invalid");
            if (link.getDestination() instanceof PDPageDestination dest
                && textOf(doc, page).contains("Welcome.")
                && dest.retrievePageNumber() > doc.getPages().indexOf(page)) {
              numbers = dest;
            }
          }
        }
      }
      assertThat(numbers).as("link from the introduction to basics/types#numbers").isNotNull();
      String target = textOf(doc, doc.getPage(numbers.retrievePageNumber()));
      assertThat(target).contains("Numbers:");
    }
  }

  @Test
  void bookmarksPointAtThePagesTheirHeadingsAreOn() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      int previous = -1;
      for (PDOutlineItem chapter : doc.getDocumentCatalog().getDocumentOutline().children()) {
        int page = ((PDPageDestination) chapter.getDestination()).retrievePageNumber();
        assertThat(page).as(chapter.getTitle()).isGreaterThan(previous);
        assertThat(textOf(doc, doc.getPage(page))).contains(chapter.getTitle());
        for (PDOutlineItem section : chapter.children()) {
          int at = ((PDPageDestination) section.getDestination()).retrievePageNumber();
          assertThat(at).isGreaterThanOrEqualTo(page);
          assertThat(textOf(doc, doc.getPage(at))).contains(section.getTitle());
          page = at;
        }
        previous = page;
      }
    }
  }

  @Test
  void contentsPageNumbersAreWhereChaptersStart() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String[] labels = doc.getDocumentCatalog().getPageLabels().getLabelsByPageIndices();
      Map<String, String> printed = new HashMap<>();
      Matcher m = Pattern.compile("(?m)^(.+?)[ .]*?(\\d+)\\s*$").matcher(textOf(doc, 3));
      while (m.find()) {
        printed.put(m.group(1).replaceAll("[ .]+$", "").trim(), m.group(2));
      }
      for (PDOutlineItem chapter : doc.getDocumentCatalog().getDocumentOutline().children()) {
        int page = ((PDPageDestination) chapter.getDestination()).retrievePageNumber();
        assertThat(printed).containsEntry(chapter.getTitle(), labels[page]);
        for (PDOutlineItem section : chapter.children()) {
          int at = ((PDPageDestination) section.getDestination()).retrievePageNumber();
          assertThat(printed).containsEntry(section.getTitle(), labels[at]);
        }
      }
    }
  }

  @Test
  void labelsAndStampedFootersCountChapterPagesFromOne() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String[] labels = doc.getDocumentCatalog().getPageLabels().getLabelsByPageIndices();
      assertThat(labels).startsWith("i", "ii", "iii", "1");
      for (int i = 3; i < labels.length; i++) {
        assertThat(labels[i]).isEqualTo(Integer.toString(i - 2));
        assertThat(textOf(doc, i + 1).strip()).endsWith(labels[i]);
      }
    }
  }

  @Test
  void structureTreeHasOneDocumentRoot() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      COSBase k = doc.getDocumentCatalog().getStructureTreeRoot().getCOSObject().getItem(COSName.K);
      COSDictionary root = (COSDictionary) (k instanceof COSObject o ? o.getObject() : k);
      assertThat(root.getCOSName(COSName.S)).isEqualTo(COSName.DOCUMENT);
      assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("en");
    }
  }

  @Test
  void fontsAreEmbeddedOncePerFace() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      Map<String, List<Long>> objects = new HashMap<>();
      for (PDPage page : doc.getPages()) {
        COSDictionary fonts = page.getResources().getCOSObject().getCOSDictionary(COSName.FONT);
        for (COSName name : fonts == null ? List.<COSName>of() : fonts.keySet()) {
          COSObject ref = (COSObject) fonts.getItem(name);
          String face = ((COSDictionary) ref.getObject()).getNameAsString(COSName.BASE_FONT);
          List<Long> numbers = objects.computeIfAbsent(face, f -> new ArrayList<>());
          if (!numbers.contains(ref.getObjectNumber())) {
            numbers.add(ref.getObjectNumber());
          }
        }
      }
      assertThat(objects).containsKeys("LiberationSerif", "LiberationSans-Bold", "LiberationMono");
      objects.forEach((face, numbers) -> assertThat(numbers).as(face).hasSize(1));
    }
  }

  @Test
  void oneChapterEditLaysOutOnlyThatChapter(@TempDir Path parts) throws Exception {
    PdfEditionBuilder builder = new PdfEditionBuilder("export-test/1", true, parts);
    byte[] first = builder.build(Books.content()).bytes();
    assertThat(builder.partsLaidOut()).isEqualTo(4);
    assertThat(first).isEqualTo(pdf);

    assertThat(builder.build(Books.content()).bytes()).isEqualTo(pdf);
    assertThat(builder.partsLaidOut()).isEqualTo(4);

    BookContent edited = editLastChapter(Books.content());
    byte[] after = builder.build(edited).bytes();
    assertThat(builder.partsLaidOut()).isEqualTo(5);
    try (PDDocument doc = Loader.loadPDF(after)) {
      assertThat(new PDFTextStripper().getText(doc)).contains("An edited sentence.");
    }
  }

  @Test
  void partsFromTheCacheGiveTheBytesOfAFreshBuild(@TempDir Path parts) throws Exception {
    PdfEditionBuilder builder = new PdfEditionBuilder("export-test/1", true, parts);
    BookContent edited = editLastChapter(Books.content());
    byte[] fresh = new PdfEditionBuilder("export-test/1", true).build(edited).bytes();
    builder.build(Books.content());
    try (Stream<Path> files = Files.walk(parts)) {
      assertThat(files.filter(f -> f.toString().endsWith(".pdf")).count()).isEqualTo(4);
    }
    long before = builder.partsLaidOut();
    assertThat(builder.build(edited).bytes()).isEqualTo(fresh);
    assertThat(builder.partsLaidOut() - before).isEqualTo(1);
  }

  @Test
  void keepsOnlyThePartsOfTheLatestBuild(@TempDir Path parts) throws Exception {
    PdfEditionBuilder builder =
        new PdfEditionBuilder("export-test/1", true, parts, java.time.Duration.ZERO);
    builder.build(Books.content());
    builder.build(editLastChapter(Books.content()));
    try (Stream<Path> files = Files.walk(parts)) {
      List<Path> kept = files.filter(f -> f.toString().endsWith(".pdf")).toList();
      assertThat(kept).hasSize(4);
      for (Path part : kept) {
        assertThat(PdfPart.sidecar(part)).exists();
      }
    }
    long before = builder.partsLaidOut();
    builder.build(editLastChapter(Books.content()));
    assertThat(builder.partsLaidOut()).isEqualTo(before);
  }

  private static BookContent editLastChapter(BookContent book) {
    List<RenderedChapter> chapters = new ArrayList<>(book.chapters());
    RenderedChapter c = chapters.get(chapters.size() - 1);
    chapters.set(
        chapters.size() - 1,
        new RenderedChapter(
            c.bookId(),
            c.docId(),
            c.sourceSha256(),
            c.rendererVersion(),
            c.title(),
            c.xhtml() + "<p>An edited sentence.</p>",
            c.headings(),
            c.docRefs(),
            c.assets(),
            c.warnings()));
    return new BookContent(book.manifest(), chapters, book.assets());
  }

  private static String textOf(PDDocument doc, PDPage page) throws IOException {
    return textOf(doc, doc.getPages().indexOf(page) + 1);
  }

  private static String textOf(PDDocument doc, int oneBasedPage) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setStartPage(oneBasedPage);
    stripper.setEndPage(oneBasedPage);
    return stripper.getText(doc);
  }
}
