package io.galley.export.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The Liberation fonts shipped on the classpath (openpdf-fonts-extra), loaded once: serif body,
 * sans headings, mono code; they cover Latin, Greek and Cyrillic. Glyph substitution (GSUB) is off:
 * the body text needs no ligatures, and PDFBox would otherwise compile a regex over every ligature
 * of the font for each text run it writes.
 */
final class PdfFonts {

  static final String SERIF = "Galley Serif";
  static final String SANS = "Galley Sans";
  static final String MONO = "Galley Mono";

  private record Face(String family, int weight, FontStyle style, byte[] bytes) {}

  private final List<Face> faces;

  private PdfFonts(List<Face> faces) {
    this.faces = List.copyOf(faces);
  }

  /** Loads the twelve faces from {@code /liberation/*.ttf}. */
  static PdfFonts load() {
    List<Face> faces = new ArrayList<>();
    String[][] families = {{SERIF, "Serif"}, {SANS, "Sans"}, {MONO, "Mono"}};
    for (String[] family : families) {
      faces.add(face(family[0], 400, FontStyle.NORMAL, family[1] + "-Regular"));
      faces.add(face(family[0], 700, FontStyle.NORMAL, family[1] + "-Bold"));
      faces.add(face(family[0], 400, FontStyle.ITALIC, family[1] + "-Italic"));
      faces.add(face(family[0], 700, FontStyle.ITALIC, family[1] + "-BoldItalic"));
    }
    return new PdfFonts(faces);
  }

  private static Face face(String family, int weight, FontStyle style, String file) {
    String resource = "/liberation/Liberation" + file + ".ttf";
    try (InputStream in = PdfFonts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("font not on the classpath: " + resource);
      }
      return new Face(family, weight, style, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /**
   * Parses every face, embeds it (whole or subset, GSUB off) in {@code pdf} and registers it on
   * {@code builder}; close the result once {@code pdf} is saved.
   */
  Registered register(PdfRendererBuilder builder, PDDocument pdf, boolean subset)
      throws IOException {
    Registered registered = new Registered(new ArrayList<>());
    try {
      for (Face face : faces) {
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(face.bytes()));
        registered.fonts().add(ttf);
        ttf.setEnableGsub(false);
        builder.useFont(
            new PDFontSupplier(PDType0Font.load(pdf, ttf, subset)),
            face.family(),
            face.weight(),
            face.style(),
            true);
      }
      return registered;
    } catch (IOException | RuntimeException e) {
      registered.close();
      throw e;
    }
  }

  /**
   * A PDF whose one page names every face, embedded whole exactly as the parts embed them: the one
   * copy of each face the edition points all parts at.
   */
  byte[] wholeFaces() throws IOException {
    try (PDDocument pdf = new PDDocument()) {
      PDPage page = new PDPage();
      PDResources resources = new PDResources();
      page.setResources(resources);
      pdf.addPage(page);
      List<TrueTypeFont> open = new ArrayList<>();
      try {
        for (Face face : faces) {
          TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(face.bytes()));
          open.add(ttf);
          ttf.setEnableGsub(false);
          resources.add(PDType0Font.load(pdf, ttf, false));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf.save(out);
        return out.toByteArray();
      } finally {
        new Registered(open).close();
      }
    }
  }

  /** The parsed faces of one build, open until the document that embeds them is saved. */
  record Registered(List<TrueTypeFont> fonts) implements AutoCloseable {

    @Override
    public void close() throws IOException {
      IOException failure = null;
      for (TrueTypeFont font : fonts) {
        try {
          font.close();
        } catch (IOException e) {
          failure = e;
        }
      }
      if (failure != null) {
        throw failure;
      }
    }
  }
}
