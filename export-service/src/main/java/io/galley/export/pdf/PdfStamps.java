package io.galley.export.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.Locale;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The page numbers stamped in the footer of the chapters' pages after the merge: Galley Sans 9pt,
 * centred in the bottom margin as {@code book.css} places them, marked as a pagination artifact.
 * The text is written as glyph ids of the whole embedded face (Identity-H).
 */
final class PdfStamps {

  /** The PostScript name of the face the numbers are set in. */
  static final String FACE = "LiberationSans";

  static final String FONT_RESOURCE = "GalleyPageNumber";
  private static final float SIZE = 9f;
  private static final float BASELINE = 31f;

  private final int[] gids = new int[10];
  private final float[] advances = new float[10];

  PdfStamps() {
    try (InputStream in =
            PdfStamps.class.getResourceAsStream("/liberation/LiberationSans-Regular.ttf");
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in))) {
      CmapLookup cmap = ttf.getUnicodeCmapLookup();
      float scale = 1000f / ttf.getUnitsPerEm();
      for (int d = 0; d < 10; d++) {
        gids[d] = cmap.getGlyphId('0' + d);
        advances[d] = ttf.getAdvanceWidth(gids[d]) * scale;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the page number face", e);
    }
  }

  /** The content stream that prints {@code number} on a page {@code width} points wide. */
  byte[] footer(int number, float width) {
    String digits = Integer.toString(number);
    byte[] glyphs = new byte[digits.length() * 2];
    float advance = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(i) - '0';
      glyphs[2 * i] = (byte) (gids[d] >> 8);
      glyphs[2 * i + 1] = (byte) gids[d];
      advance += advances[d];
    }
    float x = (width - advance * SIZE / 1000f) / 2f;
    String text =
        String.format(
            Locale.ROOT,
            "Q\n/Artifact <</Type /Pagination /Subtype /Footer>> BDC\nBT /%s %.1f Tf"
                + " 0.267 0.267 0.267 rg %.3f %.3f Td <%s> Tj ET\nEMC\n",
            FONT_RESOURCE,
            SIZE,
            x,
            BASELINE,
            HexFormat.of().formatHex(glyphs));
    return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
