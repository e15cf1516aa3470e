package io.galley.export.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.InflaterInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming writer's output read back by PDFBox, also past one object stream's capacity. */
class PdfObjectWriterTest {

  @TempDir Path tmp;

  @Test
  void objectsBeyondOneObjectStreamAreAllReadable() throws IOException {
    int count = PdfObjectWriter.PACKED * 2 + 123;
    Path file = tmp.resolve("many.pdf");
    int[] numbers = new int[count];
    try (OutputStream out = Files.newOutputStream(file);
        PdfObjectWriter writer = new PdfObjectWriter(out)) {
      int pages = writer.reserve();
      int root = writer.reserve();
      int info = writer.reserve();
      writer.object(pages, "<</Type /Pages /Kids [] /Count 0>>");
      writer.object(root, "<</Type /Catalog /Pages " + pages + " 0 R>>");
      writer.object(info, "<</Title (many)>>");
      for (int i = 0; i < count; i++) {
        numbers[i] = writer.reserve();
        writer.object(numbers[i], "(value " + i + ")");
      }
      writer.finish(root, info, new byte[16]);
    }
    try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
      assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("many");
      for (int i : new int[] {0, PdfObjectWriter.PACKED - 1, PdfObjectWriter.PACKED, count - 1}) {
        COSBase value =
            pdf.getDocument().getObjectFromPool(new COSObjectKey(numbers[i], 0)).getObject();
        assertThat(value).isInstanceOf(COSString.class);
        assertThat(((COSString) value).getString()).isEqualTo("value " + i);
      }
      COSDictionary catalog = pdf.getDocumentCatalog().getCOSObject();
      assertThat(catalog.getCOSName(COSName.TYPE)).isEqualTo(COSName.CATALOG);
    }
    // PDFBox repairs a broken xref by searching the file; stricter readers do not, so the
    // cross-reference entries themselves must name the right object stream and index
    byte[] bytes = Files.readAllBytes(file);
    XrefEntries xref = XrefEntries.read(bytes);
    for (int number : numbers) {
      assertThat(xref.numberAt(bytes, number)).as("object %d", number).isEqualTo(number);
    }
  }

  /** A strict reading of the writer's cross-reference stream ({@code /W [1 5 2]}). */
  private record XrefEntries(byte[] rows, Map<Long, String[]> headers) {

    static XrefEntries read(byte[] pdf) throws IOException {
      String text = new String(pdf, StandardCharsets.ISO_8859_1);
      int at = text.lastIndexOf("startxref");
      long offset = Long.parseLong(text.substring(at + 9).strip().split("\\s+")[0]);
      assertThat(text.substring((int) offset, (int) offset + 200)).contains("/W [1 5 2]");
      return new XrefEntries(inflate(pdf, (int) offset), new HashMap<>());
    }

    /** The object number found where the entry of {@code object} says it is. */
    int numberAt(byte[] pdf, int object) throws IOException {
      int row = object * 8;
      assertThat(rows[row]).as("entry type of %d", object).isEqualTo((byte) 2);
      long stream = field(row + 1, 5);
      int index = (int) field(row + 6, 2);
      String[] header = headers.get(stream);
      if (header == null) {
        int streamRow = (int) stream * 8;
        assertThat(rows[streamRow]).as("object stream %d", stream).isEqualTo((byte) 1);
        byte[] data = inflate(pdf, (int) field(streamRow + 1, 5));
        String dict =
            new String(pdf, (int) field(streamRow + 1, 5), 200, StandardCharsets.US_ASCII);
        int first = Integer.parseInt(dict.replaceAll("(?s).*?/First (\\d+).*", "$1"));
        header = new String(data, 0, first, StandardCharsets.US_ASCII).strip().split(" ");
        headers.put(stream, header);
      }
      return Integer.parseInt(header[2 * index]);
    }

    private long field(int from, int width) {
      long value = 0;
      for (int b = 0; b < width; b++) {
        value = (value << 8) | (rows[from + b] & 0xFF);
      }
      return value;
    }

    private static byte[] inflate(byte[] pdf, int objectOffset) throws IOException {
      String head =
          new String(
              pdf,
              objectOffset,
              Math.min(400, pdf.length - objectOffset),
              StandardCharsets.ISO_8859_1);
      int length = Integer.parseInt(head.replaceAll("(?s).*?/Length (\\d+).*", "$1"));
      int data = objectOffset + head.indexOf("stream\n") + 7;
      try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(pdf, data, length))) {
        return in.readAllBytes();
      }
    }
  }
}
