package io.galley.export.pdf;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;

/**
 * Writes a PDF one indirect object at a time (non-stream objects packed into compressed object
 * streams, a cross-reference stream at the end), so a book of any length is streamed to disk; the
 * caller numbers the objects and says how references are renumbered.
 */
final class PdfObjectWriter implements Closeable {

  /** Renumbers the references of the document an object is copied from. */
  interface Refs {
    int number(COSObject reference) throws IOException;

    /** The value to write for an integer under {@code key} (structure parent keys shift). */
    default long integer(COSName key, long value) {
      return value;
    }
  }

  /**
   * Objects per object stream. Large, because PDFBox reads an object stream by scanning the whole
   * xref, so many small streams make a large file slow to open; below 65,536, because the xref
   * stream gives an object's index in its stream two bytes ({@code /W [1 5 2]}).
   */
  static final int PACKED = 60_000;

  private final CountingStream out;
  private final List<Integer> packed = new ArrayList<>();
  private final StringBuilder packedHeader = new StringBuilder();
  private final ByteArrayOutputStream packedBody = new ByteArrayOutputStream();
  private final PdfSyntax syntax = new PdfSyntax();
  private long[] offsets = new long[4096];
  private int last;

  PdfObjectWriter(OutputStream target) throws IOException {
    out = new CountingStream(new BufferedOutputStream(target, 1 << 16));
    write("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
  }

  /** A fresh object number. */
  int reserve() {
    last++;
    if (last >= offsets.length) {
      offsets = Arrays.copyOf(offsets, offsets.length * 2);
    }
    return last;
  }

  /** A placeholder that is written as {@code text} wherever it appears in a copied object. */
  COSBase raw(String text) {
    return syntax.raw(text);
  }

  /** Forgets the placeholders (after the objects holding them are written). */
  void clearRaw() {
    syntax.clearRaw();
  }

  void object(int number, COSBase value, Refs refs) throws IOException {
    if (value instanceof COSStream stream) {
      offsets[number] = out.count;
      write((number + " 0 obj\n").getBytes(StandardCharsets.US_ASCII));
      stream(stream, refs);
      write("\nendobj\n".getBytes(StandardCharsets.US_ASCII));
    } else {
      packed.add(number);
      packedHeader.append(number).append(' ').append(packedBody.size()).append(' ');
      syntax.value(value, refs, packedBody);
      packedBody.write('\n');
      flushIfFull();
    }
  }

  void object(int number, String body) throws IOException {
    object(number, body.getBytes(StandardCharsets.ISO_8859_1));
  }

  void object(int number, byte[] body) throws IOException {
    packed.add(number);
    packedHeader.append(number).append(' ').append(packedBody.size()).append(' ');
    packedBody.write(body);
    packedBody.write('\n');
    flushIfFull();
  }

  private void flushIfFull() throws IOException {
    if (packed.size() >= PACKED || packedBody.size() >= 1 << 23) {
      flushPacked();
    }
  }

  /** Writes the pending objects as one compressed object stream. */
  private void flushPacked() throws IOException {
    if (packed.isEmpty()) {
      return;
    }
    int number = reserve();
    byte[] header = packedHeader.toString().getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    try (DeflaterOutputStream z = new DeflaterOutputStream(data)) {
      z.write(header);
      packedBody.writeTo(z);
    }
    stream(
        number,
        "/Type /ObjStm /N " + packed.size() + " /First " + header.length + " /Filter /FlateDecode",
        data.toByteArray());
    for (int i = 0; i < packed.size(); i++) {
      offsets[packed.get(i)] = -(((long) number << 16) | i) - 1;
    }
    packed.clear();
    packedHeader.setLength(0);
    packedBody.reset();
  }

  /** A stream object of {@code dict} (without {@code /Length}) and {@code data} as stored. */
  void stream(int number, String dict, byte[] data) throws IOException {
    offsets[number] = out.count;
    String head = number + " 0 obj\n<<" + dict + " /Length " + data.length + ">>\nstream\n";
    write(head.getBytes(StandardCharsets.ISO_8859_1));
    write(data);
    write("\nendstream\nendobj\n".getBytes(StandardCharsets.US_ASCII));
  }

  /** The PDF syntax of a direct value. */
  byte[] serialize(COSBase value, Refs refs) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    syntax.value(value, refs, bytes);
    return bytes.toByteArray();
  }

  /** Writes the cross-reference stream (the trailer) and flushes the file. */
  void finish(int root, int info, byte[] id) throws IOException {
    flushPacked();
    int number = reserve();
    offsets[number] = out.count;
    ByteArrayOutputStream table = new ByteArrayOutputStream();
    try (DeflaterOutputStream z = new DeflaterOutputStream(table)) {
      byte[] row = new byte[8];
      entry(row, 0, 0, 0xFFFF);
      z.write(row);
      for (int i = 1; i <= last; i++) {
        long at = offsets[i];
        if (at == 0) {
          throw new IllegalStateException("object " + i + " was reserved but never written");
        }
        if (at > 0) {
          entry(row, 1, at, 0);
        } else {
          long packedAt = -(at + 1);
          entry(row, 2, packedAt >>> 16, (int) (packedAt & 0xFFFF));
        }
        z.write(row);
      }
    }
    String hex = java.util.HexFormat.of().withUpperCase().formatHex(id);
    String dict =
        "/Type /XRef /Size "
            + (last + 1)
            + " /W [1 5 2] /Root "
            + root
            + " 0 R /Info "
            + info
            + " 0 R /ID [<"
            + hex
            + "> <"
            + hex
            + ">] /Filter /FlateDecode";
    long xref = out.count;
    stream(number, dict, table.toByteArray());
    write(("startxref\n" + xref + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private static void entry(byte[] row, int type, long field2, int field3) {
    row[0] = (byte) type;
    for (int b = 0; b < 5; b++) {
      row[1 + b] = (byte) (field2 >>> (8 * (4 - b)));
    }
    row[6] = (byte) (field3 >>> 8);
    row[7] = (byte) field3;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  private void stream(COSStream stream, Refs refs) throws IOException {
    ByteArrayOutputStream dict = new ByteArrayOutputStream();
    dict.write("<<".getBytes(StandardCharsets.US_ASCII));
    for (Map.Entry<COSName, COSBase> e : stream.entrySet()) {
      if (!COSName.LENGTH.equals(e.getKey())) {
        syntax.entry(e.getKey(), e.getValue(), refs, dict);
      }
    }
    byte[] data;
    try (InputStream in = stream.createRawInputStream()) {
      data = in.readAllBytes();
    }
    dict.write((" /Length " + data.length + ">>\nstream\n").getBytes(StandardCharsets.US_ASCII));
    write(dict.toByteArray());
    write(data);
    write("\nendstream".getBytes(StandardCharsets.US_ASCII));
  }

  private void write(byte[] bytes) throws IOException {
    out.write(bytes);
  }

  private static final class CountingStream extends FilterOutputStream {
    long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
