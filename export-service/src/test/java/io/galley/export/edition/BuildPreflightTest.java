package io.galley.export.edition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.galley.export.Books;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** Images checked from their headers, SVGs sanitised, chapters measured: before any decoding. */
class BuildPreflightTest {

  @Test
  void readsTheSizeOfAPngBombFromItsHeaderWithoutDecodingIt() throws IOException {
    assertThat(ImageHeaders.size(pngHeader(100_000, 80_000)))
        .hasValue(new ImageHeaders.Size(100_000, 80_000));
    assertThat(ImageHeaders.size(Books.PNG)).hasValue(new ImageHeaders.Size(40, 30));
    assertThat(ImageHeaders.size("not an image".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void readsTheCanvasOfAWebpFromItsChunkHeader() {
    byte[] webp = new byte[40];
    System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, webp, 0, 4);
    System.arraycopy("WEBPVP8X".getBytes(StandardCharsets.US_ASCII), 0, webp, 8, 8);
    webp[24] = (byte) 0x0F; // width - 1 = 9999 = 0x00270F, little endian 24 bits
    webp[25] = (byte) 0x27;
    webp[27] = (byte) 0x3F; // height - 1 = 4671 = 0x00123F
    webp[28] = (byte) 0x12;
    assertThat(ImageHeaders.size(webp)).hasValue(new ImageHeaders.Size(10_000, 4_672));
  }

  @Test
  void failsTheBuildNamingTheImageAndTheBudget() {
    BuildBudget budget = new BuildBudget(0, null, 0, 0, 1_000, 0, 0, 0, 0);
    assertThatThrownBy(() -> new BuildPreflight(budget).check(Books.content()))
        .isInstanceOf(BudgetExceeded.class)
        .hasMessageContaining("image 'images/diagram.png' (in chapter 'intro') is 40 × 30")
        .hasMessageContaining("max-image-pixels (1,000)");
  }

  @Test
  void failsTheBuildNamingAChapterOverItsSize() {
    BuildBudget budget = new BuildBudget(0, null, 100, 0, 0, 0, 0, 0, 0);
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
    BuildBudget onePage = new BuildBudget(1, null, 0, 0, 0, 0, 0, 0, 0);
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
    BuildBudget noTime = new BuildBudget(0, java.time.Duration.ofNanos(1), 0, 0, 0, 0, 0, 0, 0);
    assertThatThrownBy(
            () -> new io.galley.export.epub.EpubEditionBuilder(noTime).build(Books.content()))
        .isInstanceOf(BudgetExceeded.class)
        .hasMessageContaining("the EPUB build ran out of its time budget at chapter '")
        .hasMessageContaining("galley.export.build.timeout (PT0.000000001S)");
  }

  static byte[] pngHeader(int width, int height) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
    DataOutputStream chunk = new DataOutputStream(ihdr);
    chunk.writeBytes("IHDR");
    chunk.writeInt(width);
    chunk.writeInt(height);
    chunk.write(new byte[] {8, 6, 0, 0, 0});
    CRC32 crc = new CRC32();
    crc.update(ihdr.toByteArray());
    out.writeInt(13);
    out.write(ihdr.toByteArray());
    out.writeInt((int) crc.getValue());
    return bytes.toByteArray();
  }
}
