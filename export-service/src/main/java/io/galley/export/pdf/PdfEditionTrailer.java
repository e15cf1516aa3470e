package io.galley.export.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.cos.COSString;

/**
 * Writes the document-level objects of the edition once every part is copied: structure tree,
 * outline, page tree root, page labels, XMP metadata, document info and catalog.
 */
final class PdfEditionTrailer {

  /** An outline entry; {@code dest} is PDF syntax. */
  record Entry(COSString title, String dest, List<Entry> kids) {}

  private static final int LEAF = 512;

  private final PdfObjectWriter w;
  private final PdfFinisher.Stamp stamp;
  private final PdfEditionWriter edition;
  private final PdfObjectWriter.Refs noRefs =
      ref -> {
        throw new IOException("unexpected reference in a document-level object");
      };

  PdfEditionTrailer(PdfObjectWriter w, PdfFinisher.Stamp stamp, PdfEditionWriter edition) {
    this.w = w;
    this.stamp = stamp;
    this.edition = edition;
  }

  /** Writes everything but the xref; returns the number of the document info. */
  int write(
      byte[] kids,
      List<int[]> parentTree,
      int nextKey,
      byte[] roleMap,
      byte[] intents,
      List<Integer> nodes,
      List<Entry> outline)
      throws IOException {
    ByteArrayOutputStream doc = new ByteArrayOutputStream();
    doc.write(
        ("<</Type /StructElem /S /Document /P " + PdfEditionWriter.STRUCT_ROOT + " 0 R /K [")
            .getBytes(StandardCharsets.US_ASCII));
    doc.write(kids);
    doc.write("]>>".getBytes(StandardCharsets.US_ASCII));
    w.object(PdfEditionWriter.DOCUMENT, doc.toByteArray());
    int tree = parentTree(parentTree);
    ByteArrayOutputStream root = new ByteArrayOutputStream();
    root.write(
        ("<</Type /StructTreeRoot /K "
                + PdfEditionWriter.DOCUMENT
                + " 0 R /ParentTree "
                + tree
                + " 0 R /ParentTreeNextKey "
                + nextKey)
            .getBytes(StandardCharsets.US_ASCII));
    if (roleMap != null) {
      root.write(" /RoleMap ".getBytes(StandardCharsets.US_ASCII));
      root.write(roleMap);
    }
    root.write(">>".getBytes(StandardCharsets.US_ASCII));
    w.object(PdfEditionWriter.STRUCT_ROOT, root.toByteArray());
    StringBuilder pages = new StringBuilder("<</Type /Pages /Kids [");
    nodes.forEach(n -> pages.append(n).append(" 0 R "));
    w.object(PdfEditionWriter.PAGES, pages.append("] /Count ").append(edition.pages()) + ">>");
    int outlines = outline(outline);
    int metadata = w.reserve();
    w.stream(metadata, "/Type /Metadata /Subtype /XML", stamp.xmp());
    int info = w.reserve();
    w.object(info, w.serialize(stamp.info(), noRefs));
    ByteArrayOutputStream catalog = new ByteArrayOutputStream();
    String labels =
        edition.frontPages() > 0 && edition.pages() > edition.frontPages()
            ? "[0 <</S /r>> " + edition.frontPages() + " <</S /D /St 1>>]"
            : "[0 <</S /D /St 1>>]";
    String structure =
        kids.length == 0
            ? ""
            : " /StructTreeRoot "
                + PdfEditionWriter.STRUCT_ROOT
                + " 0 R /MarkInfo <</Marked true>>";
    catalog.write(
        ("<</Type /Catalog /Pages "
                + PdfEditionWriter.PAGES
                + " 0 R"
                + structure
                + " /ViewerPreferences <</DisplayDocTitle true>>"
                + " /PageLabels <</Nums "
                + labels
                + ">> /Metadata "
                + metadata
                + " 0 R"
                + (outlines > 0 ? " /Outlines " + outlines + " 0 R /PageMode /UseOutlines" : "")
                + " /Lang ")
            .getBytes(StandardCharsets.US_ASCII));
    catalog.write(w.serialize(new COSString(stamp.language()), noRefs));
    if (intents != null) {
      catalog.write(" /OutputIntents ".getBytes(StandardCharsets.US_ASCII));
      catalog.write(intents);
    }
    catalog.write(">>".getBytes(StandardCharsets.US_ASCII));
    w.object(PdfEditionWriter.CATALOG, catalog.toByteArray());
    return info;
  }

  /** The parent tree as leaves of at most {@value #LEAF} entries under one root. */
  private int parentTree(List<int[]> entries) throws IOException {
    int root = w.reserve();
    StringBuilder kids = new StringBuilder();
    for (int from = 0; from < entries.size(); from += LEAF) {
      List<int[]> leaf = entries.subList(from, Math.min(entries.size(), from + LEAF));
      int number = w.reserve();
      StringBuilder s = new StringBuilder("<</Limits [");
      s.append(leaf.get(0)[0]).append(' ').append(leaf.get(leaf.size() - 1)[0]).append("] /Nums [");
      leaf.forEach(e -> s.append(e[0]).append(' ').append(e[1]).append(" 0 R "));
      w.object(number, s.append("]>>").toString());
      kids.append(number).append(" 0 R ");
    }
    w.object(root, "<</Kids [" + kids + "]>>");
    return root;
  }

  private int outline(List<Entry> entries) throws IOException {
    if (entries.isEmpty()) {
      return 0;
    }
    int root = w.reserve();
    int[] numbers = items(entries, root);
    w.object(
        root,
        "<</Type /Outlines /First "
            + numbers[0]
            + " 0 R /Last "
            + numbers[numbers.length - 1]
            + " 0 R /Count "
            + entries.size()
            + ">>");
    return root;
  }

  private int[] items(List<Entry> entries, int parent) throws IOException {
    int[] numbers = new int[entries.size()];
    for (int i = 0; i < numbers.length; i++) {
      numbers[i] = w.reserve();
    }
    for (int i = 0; i < numbers.length; i++) {
      Entry e = entries.get(i);
      ByteArrayOutputStream s = new ByteArrayOutputStream();
      s.write("<</Title ".getBytes(StandardCharsets.US_ASCII));
      s.write(w.serialize(e.title(), noRefs));
      StringBuilder rest = new StringBuilder(" /Parent ").append(parent).append(" 0 R");
      if (i > 0) {
        rest.append(" /Prev ").append(numbers[i - 1]).append(" 0 R");
      }
      if (i + 1 < numbers.length) {
        rest.append(" /Next ").append(numbers[i + 1]).append(" 0 R");
      }
      if (!e.kids().isEmpty()) {
        int[] kids = items(e.kids(), numbers[i]);
        rest.append(" /First ").append(kids[0]).append(" 0 R /Last ");
        rest.append(kids[kids.length - 1]).append(" 0 R /Count -").append(kids.length);
      }
      if (e.dest() != null) {
        rest.append(" /Dest ").append(e.dest());
      }
      s.write(rest.append(">>").toString().getBytes(StandardCharsets.ISO_8859_1));
      w.object(numbers[i], s.toByteArray());
    }
    return numbers;
  }
}
