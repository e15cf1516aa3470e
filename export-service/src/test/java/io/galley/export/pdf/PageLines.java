package io.galley.export.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The lines of text of a PDF's pages as PDFBox reads them back, each with where it ends on the
 * right; the running title and the page number are left out.
 */
final class PageLines extends PDFTextStripper {

  /** One line: its page (1-based), its text and the right edge of its last glyph, in points. */
  record Line(int page, String text, float right) {}

  private final TreeMap<Float, StringBuilder> texts = new TreeMap<>();
  private final TreeMap<Float, Float> rights = new TreeMap<>();

  private PageLines() {}

  static List<Line> of(PDDocument pdf, String runningTitle) throws IOException {
    List<Line> lines = new ArrayList<>();
    for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
      PageLines stripper = new PageLines();
      stripper.setStartPage(page);
      stripper.setEndPage(page);
      stripper.getText(pdf);
      for (var e : stripper.texts.entrySet()) {
        String text = e.getValue().toString().strip();
        if (!text.isEmpty() && !text.equals(runningTitle) && !text.matches("[0-9ivxlc]+")) {
          lines.add(new Line(page, text, stripper.rights.get(e.getKey())));
        }
      }
    }
    return lines;
  }

  @Override
  protected void writeString(String text, List<TextPosition> positions) {
    for (TextPosition p : positions) {
      float y = Math.round(p.getYDirAdj() * 2) / 2f;
      texts.computeIfAbsent(y, k -> new StringBuilder()).append(p.getUnicode());
      rights.merge(y, p.getXDirAdj() + p.getWidthDirAdj(), Math::max);
    }
    for (var line : texts.values()) {
      if (line.length() > 0 && line.charAt(line.length() - 1) != ' ') {
        line.append(' ');
      }
    }
  }
}
