package io.galley.export.epub;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.DefaultReportImpl;
import io.galley.export.Books;
import io.galley.export.edition.BuiltEdition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpubEditionBuilderTest {

  static final EpubEditionBuilder BUILDER = new EpubEditionBuilder();
  static BuiltEdition built;
  @TempDir static Path dir;

  @BeforeAll
  static void build() throws Exception {
    built = BUILDER.build(Books.content());
  }

  @Test
  void passesEpubCheckWithoutErrorsOrWarnings() throws Exception {
    Path file = dir.resolve("go-guide.epub");
    Files.write(file, built.bytes());
    DefaultReportImpl report = new DefaultReportImpl("go-guide.epub");
    int result = new EpubCheck(file.toFile(), report).doValidate();
    assertThat(report.getFatalErrorCount()).isZero();
    assertThat(report.getErrorCount()).isZero();
    assertThat(report.getWarningCount()).isZero();
    assertThat(result).isZero();
  }

  @Test
  void minimalBookWithoutCoverOrImagesIsValidToo() throws Exception {
    Path file = dir.resolve("notes.epub");
    Files.write(file, BUILDER.build(Books.minimal()).bytes());
    DefaultReportImpl report = new DefaultReportImpl("notes.epub");
    new EpubCheck(file.toFile(), report).doValidate();
    assertThat(report.getErrorCount() + report.getFatalErrorCount() + report.getWarningCount())
        .isZero();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      String opf =
          new String(
              zip.getInputStream(zip.getEntry("OEBPS/content.opf")).readAllBytes(),
              StandardCharsets.UTF_8);
      assertThat(opf)
          .contains(
              "urn:isbn:9780306406157",
              "<dc:language>de</dc:language>",
              "Notes &amp; &lt;Drafts&gt;");
    }
  }

  @Test
  void storesMimetypeFirstAndUncompressed() throws Exception {
    Path file = dir.resolve("layout.epub");
    Files.write(file, built.bytes());
    try (ZipFile zip = new ZipFile(file.toFile())) {
      List<String> names = new ArrayList<>();
      zip.stream().forEach(e -> names.add(e.getName()));
      assertThat(names.get(0)).isEqualTo("mimetype");
      assertThat(zip.getEntry("mimetype").getMethod()).isEqualTo(ZipEntry.STORED);
      assertThat(names)
          .contains(
              "META-INF/container.xml",
              "OEBPS/content.opf",
              "OEBPS/nav.xhtml",
              "OEBPS/toc.ncx",
              "OEBPS/chapter-001.xhtml",
              "OEBPS/chapter-003.xhtml");
      String intro =
          new String(
              zip.getInputStream(zip.getEntry("OEBPS/chapter-001.xhtml")).readAllBytes(),
              StandardCharsets.UTF_8);
      assertThat(intro)
          .contains(
              "href=\"chapter-002.xhtml#numbers\"",
              "epub:type=\"noteref\"",
              "epub:type=\"footnote\"",
              "src=\"images/" + Books.png().sha256() + ".png\"");
      String opf =
          new String(
              zip.getInputStream(zip.getEntry("OEBPS/content.opf")).readAllBytes(),
              StandardCharsets.UTF_8);
      assertThat(opf)
          .contains(
              "properties=\"cover-image\"",
              "2026-03-01T10:15:30Z",
              "urn:uuid:",
              "schema:accessibilitySummary");
      String ncx =
          new String(
              zip.getInputStream(zip.getEntry("OEBPS/toc.ncx")).readAllBytes(),
              StandardCharsets.UTF_8);
      assertThat(ncx).contains("chapter-002.xhtml#strings", "playOrder=\"6\"");
    }
  }

  @Test
  void keepsTheIdentifierAcrossEditions() throws Exception {
    var later =
        Books.goGuide(
            "go-guide",
            "fedcba9876543210fedcba9876543210fedcba98",
            java.time.Instant.parse("2026-04-01T00:00:00Z"));
    assertThat(EpubPackage.identifier(later.book()))
        .isEqualTo(EpubPackage.identifier(Books.goGuide().book()));
  }

  @Test
  void sameInputGivesIdenticalBytes() throws Exception {
    assertThat(BUILDER.build(Books.content()).bytes()).isEqualTo(built.bytes());
  }
}
