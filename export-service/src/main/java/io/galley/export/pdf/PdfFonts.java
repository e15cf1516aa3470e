package io.galley.export.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Liberation fonts shipped on the classpath (openpdf-fonts-extra), loaded once: serif body,
 * sans headings, mono code; they cover Latin, Greek and Cyrillic.
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

  /** Registers every face, subset, on a builder. */
  void register(PdfRendererBuilder builder) {
    for (Face face : faces) {
      builder.useFont(
          () -> new ByteArrayInputStream(face.bytes()),
          face.family(),
          face.weight(),
          face.style(),
          true);
    }
  }
}
