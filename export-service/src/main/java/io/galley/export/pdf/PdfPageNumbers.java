package io.galley.export.pdf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The printed page number of every anchor of the laid-out chapters: chapters are numbered from 1
 * after the front matter, and an anchor the part does not know falls back to its chapter's start.
 */
final class PdfPageNumbers {

  private final Map<String, PdfPart> parts = new HashMap<>();
  private final Map<String, Integer> starts = new HashMap<>();

  PdfPageNumbers(List<PdfEditionWriter.Chapter> chapters) {
    int page = 1;
    for (PdfEditionWriter.Chapter c : chapters) {
      parts.put(c.docId(), c.part());
      starts.put(c.docId(), page);
      page += c.part().pages();
    }
  }

  /** The page of {@code anchor} in chapter {@code docId}, as printed. */
  String page(String docId, String anchor) {
    PdfPart.Anchor a = parts.get(docId).anchors().get(anchor);
    return Integer.toString(starts.get(docId) + (a == null ? 0 : a.page()));
  }
}
