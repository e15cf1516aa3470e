package io.galley.export.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.export.Books;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

class PdfConformanceTest {

  static byte[] pdf;
  static byte[] plain;

  @BeforeAll
  static void build() throws Exception {
    VeraGreenfieldFoundryProvider.initialise();
    pdf = new PdfEditionBuilder("export-test/1", true).build(Books.content()).bytes();
    plain = new PdfEditionBuilder("export-test/1", false).build(Books.content()).bytes();
  }

  @Test
  void conformsToPdfUa1() throws Exception {
    assertThat(failures(pdf, PDFAFlavour.PDFUA_1)).isEmpty();
  }

  @Test
  void validatorRejectsAnUntaggedPdf() throws Exception {
    assertThat(failures(plain, PDFAFlavour.PDFUA_1)).isNotEmpty();
    assertThat(failures(plain, PDFAFlavour.PDFA_3_U)).isNotEmpty();
  }

  @Test
  void conformsToPdfA3u() throws Exception {
    assertThat(failures(pdf, PDFAFlavour.PDFA_3_U)).isEmpty();
  }

  static List<String> failures(byte[] file, PDFAFlavour flavour) throws Exception {
    try (PDFAParser parser =
            Foundries.defaultInstance().createParser(new ByteArrayInputStream(file), flavour);
        PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
      ValidationResult result = validator.validate(parser);
      List<String> failed =
          result.getTestAssertions().stream()
              .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
              .map(
                  a ->
                      a.getRuleId().getClause()
                          + "-"
                          + a.getRuleId().getTestNumber()
                          + ": "
                          + a.getMessage())
              .distinct()
              .toList();
      assertThat(result.isCompliant())
          .as("compliant %s: %s", flavour, failed)
          .isEqualTo(failed.isEmpty());
      return failed;
    }
  }
}
