package io.galley.export.pdf;

import io.galley.export.edition.BookOutline;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Streams the parts into one PDF: pages numbered up front so that links between parts resolve while
 * copying, one copy of each face, one structure tree with one Document element, the outline, page
 * labels, page numbers, metadata. Heap holds one part at a time.
 */
final class PdfEditionWriter {

  static final int CATALOG = 1;
  static final int PAGES = 2;
  static final int STRUCT_ROOT = 3;
  static final int DOCUMENT = 4;
  static final int SAVE_STATE = 5;
  private static final int FIRST_PAGE = 6;

  /** A chapter part with its title. */
  record Chapter(String docId, String title, PdfPart part) {}

  private final PdfPart front;
  private final List<Chapter> chapters;
  private final BookOutline outline;
  private final PdfStamps stamps;
  private final byte[] faces;
  private final PdfFinisher.Stamp stamp;
  private final int[] partStart;
  private final Map<String, Integer> partOf = new HashMap<>();
  private final Map<String, Integer> faceNumbers = new LinkedHashMap<>();
  private final Set<String> faceNames;
  private PdfObjectWriter writer;

  PdfEditionWriter(
      PdfPart front,
      List<Chapter> chapters,
      BookOutline outline,
      PdfStamps stamps,
      byte[] faces,
      Set<String> faceNames,
      PdfFinisher.Stamp stamp) {
    this.front = front;
    this.chapters = chapters;
    this.outline = outline;
    this.stamps = stamps;
    this.faces = faces;
    this.faceNames = faceNames;
    this.stamp = stamp;
    partStart = new int[chapters.size() + 2];
    partStart[1] = front.pages();
    for (int i = 0; i < chapters.size(); i++) {
      partStart[i + 2] = partStart[i + 1] + chapters.get(i).part().pages();
      partOf.put(chapters.get(i).docId(), i + 1);
    }
  }

  int pages() {
    return partStart[chapters.size() + 1];
  }

  int pageObject(int part, int page) {
    return FIRST_PAGE + partStart[part] + page;
  }

  int pageLabel(int part, int page) {
    return partStart[part] + page - front.pages() + 1;
  }

  /** Whether {@code baseFont} (a subset of) one of the faces the edition embeds once. */
  boolean sharesFace(String baseFont) {
    return baseFont != null && faceNames.contains(withoutSubsetTag(baseFont));
  }

  /** The object number of the one whole copy of the face of {@code baseFont}. */
  int face(String baseFont) {
    return faceNumbers.computeIfAbsent(withoutSubsetTag(baseFont), f -> writer.reserve());
  }

  private static String withoutSubsetTag(String baseFont) {
    return baseFont.matches("[A-Z]{6}\\+.*") ? baseFont.substring(7) : baseFont;
  }

  byte[] footer(int label, float width) {
    return stamps.footer(label, width);
  }

  /** The destination of a link between parts, as PDF syntax, or null when it is no such link. */
  String destination(String uri) {
    if (uri == null || !uri.startsWith(PdfBookDocument.XREF)) {
      return null;
    }
    String rest = uri.substring(PdfBookDocument.XREF.length());
    int hash = rest.indexOf('#');
    String docId =
        URLDecoder.decode(hash < 0 ? rest : rest.substring(0, hash), StandardCharsets.UTF_8);
    Integer part = partOf.get(docId);
    if (part == null) {
      return null;
    }
    PdfPart target = chapters.get(part - 1).part();
    PdfPart.Anchor anchor = target.anchors().get(hash < 0 ? "" : rest.substring(hash + 1));
    if (anchor == null) {
      anchor = target.anchors().get(PdfBookDocument.CHAPTER_ANCHOR);
    }
    return anchor == null
        ? "[" + pageObject(part, 0) + " 0 R /Fit]"
        : String.format(
            Locale.ROOT,
            "[%d 0 R /XYZ %.3f %.3f null]",
            pageObject(part, anchor.page()),
            anchor.x(),
            anchor.y());
  }

  void write(OutputStream out) throws IOException {
    try (PdfObjectWriter w = new PdfObjectWriter(out)) {
      writer = w;
      for (int i = 0; i < FIRST_PAGE - 1 + pages(); i++) {
        w.reserve();
      }
      w.stream(SAVE_STATE, "", "q\n".getBytes(StandardCharsets.US_ASCII));
      ByteArrayOutputStream kids = new ByteArrayOutputStream();
      List<int[]> parentTree = new ArrayList<>();
      List<Integer> nodes = new ArrayList<>();
      byte[] roleMap = null;
      byte[] intents = null;
      int offset = 0;
      PdfPartReader reader = new PdfPartReader();
      Future<PDDocument> next = reader.read(front);
      for (int part = 0; part <= chapters.size(); part++) {
        int node = w.reserve();
        nodes.add(node);
        PDDocument loaded = PdfPartReader.await(next);
        next = part < chapters.size() ? reader.read(chapters.get(part).part()) : null;
        try (PDDocument pdf = loaded) {
          PdfPartCopier.Copied copied =
              new PdfPartCopier(w, this, offset).copy(pdf, part, node, part > 0);
          kids.write(copied.kids());
          parentTree.addAll(copied.parentTree());
          offset += copied.nextKey();
          roleMap = roleMap == null ? copied.roleMap() : roleMap;
          intents = intents == null ? copied.intents() : intents;
        } catch (IOException | RuntimeException e) {
          reader.discard(next);
          throw e;
        }
      }
      writeFaces(w);
      int info =
          new PdfEditionTrailer(w, stamp, this)
              .write(kids.toByteArray(), parentTree, offset, roleMap, intents, nodes, outline());
      w.finish(CATALOG, info, stamp.id());
    }
  }

  private void writeFaces(PdfObjectWriter w) throws IOException {
    if (faceNumbers.isEmpty()) {
      return;
    }
    try (PDDocument pdf = Loader.loadPDF(faces)) {
      COSDictionary fonts =
          pdf.getPage(0).getResources().getCOSObject().getCOSDictionary(COSName.FONT);
      Map<String, COSObject> byName = new HashMap<>();
      for (COSName name : fonts.keySet()) {
        COSObject ref = (COSObject) fonts.getItem(name);
        byName.put(((COSDictionary) ref.getObject()).getNameAsString(COSName.BASE_FONT), ref);
      }
      for (Map.Entry<String, Integer> face : faceNumbers.entrySet()) {
        new PdfPartCopier(w, this, 0).copyObject(byName.get(face.getKey()), face.getValue());
      }
    }
  }

  /** The bookmarks: parts, chapters nested as SUMMARY.md nests them, their sections. */
  private List<PdfEditionTrailer.Entry> outline() {
    return entries(outline.nodes());
  }

  private List<PdfEditionTrailer.Entry> entries(List<BookOutline.Node> nodes) {
    List<PdfEditionTrailer.Entry> out = new ArrayList<>();
    for (BookOutline.Node node : nodes) {
      String docId = chapters.get(node.chapter()).docId();
      String dest = destination(PdfBookDocument.xref(docId, PdfBookDocument.anchor(node)));
      out.add(
          new PdfEditionTrailer.Entry(new COSString(node.label()), dest, entries(node.children())));
    }
    return out;
  }

  int frontPages() {
    return front.pages();
  }
}
