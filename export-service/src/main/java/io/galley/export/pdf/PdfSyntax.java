package io.galley.export.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.COSWriter;

/**
 * The PDF syntax of direct COS values, references renumbered by {@link PdfObjectWriter.Refs}, and
 * placeholders that stand for literal text (destinations and references into other parts).
 */
final class PdfSyntax {

  private final Map<COSBase, String> raw = new IdentityHashMap<>();

  /** A placeholder that is written as {@code text} wherever it appears. */
  COSBase raw(String text) {
    COSDictionary marker = new COSDictionary();
    raw.put(marker, text);
    return marker;
  }

  /** Forgets the placeholders. */
  void clearRaw() {
    raw.clear();
  }

  /** Writes a direct value. */
  void value(COSBase value, PdfObjectWriter.Refs refs, OutputStream to) throws IOException {
    String text = raw.get(value);
    if (text != null) {
      to.write(text.getBytes(StandardCharsets.ISO_8859_1));
    } else if (value instanceof COSObject ref) {
      to.write((refs.number(ref) + " 0 R").getBytes(StandardCharsets.US_ASCII));
    } else if (value instanceof COSStream) {
      throw new IOException("a stream must be an indirect object");
    } else if (value instanceof COSDictionary dict) {
      to.write("<<".getBytes(StandardCharsets.US_ASCII));
      for (Map.Entry<COSName, COSBase> e : dict.entrySet()) {
        entry(e.getKey(), e.getValue(), refs, to);
      }
      to.write(">>".getBytes(StandardCharsets.US_ASCII));
    } else if (value instanceof COSArray array) {
      to.write('[');
      for (int i = 0; i < array.size(); i++) {
        if (i > 0) {
          to.write(' ');
        }
        value(array.get(i), refs, to);
      }
      to.write(']');
    } else if (value instanceof COSString string) {
      COSWriter.writeString(string, to);
    } else if (value instanceof COSName name) {
      name.writePDF(to);
    } else if (value instanceof COSInteger integer) {
      integer.writePDF(to);
    } else if (value instanceof COSFloat real) {
      real.writePDF(to);
    } else if (value instanceof COSBoolean bool) {
      bool.writePDF(to);
    } else if (value == null || value instanceof COSNull) {
      to.write("null".getBytes(StandardCharsets.US_ASCII));
    } else {
      throw new IOException("cannot write " + value.getClass().getSimpleName());
    }
  }

  /** Writes one dictionary entry, followed by a space. */
  void entry(COSName key, COSBase value, PdfObjectWriter.Refs refs, OutputStream to)
      throws IOException {
    key.writePDF(to);
    to.write(' ');
    if (value instanceof COSInteger integer) {
      to.write(
          Long.toString(refs.integer(key, integer.longValue()))
              .getBytes(StandardCharsets.US_ASCII));
    } else {
      value(value, refs, to);
    }
    to.write(' ');
  }
}
