package io.galley.export.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Copies one part into the edition being written: its pages (at their numbers in the edition),
 * everything they reference except the shared faces, its structure elements (as children of the
 * edition's one Document element) and its parent tree entries (keys shifted by {@code offset}).
 */
final class PdfPartCopier implements PdfObjectWriter.Refs {

  /** What the edition keeps of a copied part. */
  record Copied(byte[] kids, List<int[]> parentTree, int nextKey, byte[] roleMap, byte[] intents) {}

  private record Pending(int number, COSBase object) {}

  private final PdfObjectWriter writer;
  private final PdfEditionWriter edition;
  private final int offset;
  private final Map<COSObjectKey, Integer> numbers = new HashMap<>();
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();

  PdfPartCopier(PdfObjectWriter writer, PdfEditionWriter edition, int offset) {
    this.writer = writer;
    this.edition = edition;
    this.offset = offset;
  }

  @Override
  public int number(COSObject reference) throws IOException {
    COSObjectKey key = reference.getKey();
    Integer known = key == null ? null : numbers.get(key);
    if (known != null) {
      return known;
    }
    COSBase target = reference.getObject();
    int number;
    if (target instanceof COSDictionary d
        && COSName.FONT.equals(d.getCOSName(COSName.TYPE))
        && COSName.TYPE0.equals(d.getCOSName(COSName.SUBTYPE))
        && edition.sharesFace(d.getNameAsString(COSName.BASE_FONT))) {
      number = edition.face(d.getNameAsString(COSName.BASE_FONT));
    } else {
      number = writer.reserve();
      queue.add(new Pending(number, target));
    }
    if (key != null) {
      numbers.put(key, number);
    }
    return number;
  }

  @Override
  public long integer(COSName key, long value) {
    return COSName.STRUCT_PARENTS.equals(key) || COSName.STRUCT_PARENT.equals(key)
        ? value + offset
        : value;
  }

  /** Copies part {@code index} ({@code pdf}) whose pages hang under the node {@code node}. */
  Copied copy(PDDocument pdf, int index, int node, boolean stamp) throws IOException {
    List<COSObject> pages = new ArrayList<>();
    leaves(pdf.getPages().getCOSObject(), pages);
    List<String> kids = new ArrayList<>();
    for (int i = 0; i < pages.size(); i++) {
      int number = edition.pageObject(index, i);
      kids.add(number + " 0 R");
      numbers.put(pages.get(i).getKey(), number);
      COSDictionary page = (COSDictionary) pages.get(i).getObject();
      prepare(page, node, stamp ? edition.pageLabel(index, i) : 0);
      queue.add(new Pending(number, page));
    }
    COSDictionary catalog = pdf.getDocumentCatalog().getCOSObject();
    byte[] intents = null;
    if (catalog.getItem(COSName.OUTPUT_INTENTS) != null) {
      intents = writer.serialize(catalog.getItem(COSName.OUTPUT_INTENTS), this);
    }
    ByteArrayOutputStream structKids = new ByteArrayOutputStream();
    List<int[]> parentTree = new ArrayList<>();
    byte[] roleMap = null;
    int next = 0;
    if (catalog.getItem(COSName.STRUCT_TREE_ROOT) instanceof COSObject rootRef) {
      numbers.put(rootRef.getKey(), PdfEditionWriter.DOCUMENT);
      COSDictionary root = (COSDictionary) rootRef.getObject();
      COSBase k = root.getItem(COSName.K);
      if (k instanceof COSObject ref
          && ref.getObject() instanceof COSDictionary element
          && COSName.DOCUMENT.equals(element.getCOSName(COSName.S))) {
        numbers.put(ref.getKey(), PdfEditionWriter.DOCUMENT);
        k = element.getItem(COSName.K);
      }
      for (COSBase kid : k instanceof COSArray array ? array : List.of(k)) {
        structKids.write(writer.serialize(kid, this));
        structKids.write(' ');
      }
      if (root.getItem(COSName.ROLE_MAP) != null) {
        roleMap = writer.serialize(root.getItem(COSName.ROLE_MAP), this);
      }
      COSDictionary tree = root.getCOSDictionary(COSName.PARENT_TREE);
      if (tree != null) {
        numberTree(tree, parentTree);
      }
      next = root.getInt(COSName.PARENT_TREE_NEXT_KEY, 0);
      for (int[] entry : parentTree) {
        next = Math.max(next, entry[0] + 1);
        entry[0] += offset;
      }
    }
    while (!queue.isEmpty()) {
      Pending p = queue.poll();
      writer.object(p.number(), p.object(), this);
    }
    writer.object(
        node,
        "<</Type /Pages /Parent "
            + PdfEditionWriter.PAGES
            + " 0 R /Kids ["
            + String.join(" ", kids)
            + "] /Count "
            + kids.size()
            + ">>");
    writer.clearRaw();
    return new Copied(structKids.toByteArray(), parentTree, next, roleMap, intents);
  }

  /** Copies the object {@code reference} points at as object {@code number}, with what it uses. */
  void copyObject(COSObject reference, int number) throws IOException {
    numbers.put(reference.getKey(), number);
    queue.add(new Pending(number, reference.getObject()));
    while (!queue.isEmpty()) {
      Pending p = queue.poll();
      writer.object(p.number(), p.object(), this);
    }
  }

  private void prepare(COSDictionary dict, int node, int label) throws IOException {
    PDPage page = new PDPage(dict);
    if (dict.getItem(COSName.MEDIA_BOX) == null) {
      page.setMediaBox(page.getMediaBox());
    }
    if (dict.getItem(COSName.RESOURCES) == null) {
      page.setResources(page.getResources());
    }
    dict.setItem(COSName.PARENT, writer.raw(node + " 0 R"));
    COSArray annots = dict.getCOSArray(COSName.ANNOTS);
    for (int i = 0; annots != null && i < annots.size(); i++) {
      if (annots.getObject(i) instanceof COSDictionary annot
          && annot.getCOSDictionary(COSName.A) != null
          && COSName.URI.equals(annot.getCOSDictionary(COSName.A).getCOSName(COSName.S))) {
        COSDictionary action = annot.getCOSDictionary(COSName.A);
        String dest = edition.destination(action.getString(COSName.URI));
        if (dest != null) {
          annot.removeItem(COSName.A);
          annot.setItem(COSName.DEST, writer.raw(dest));
        }
      }
    }
    if (label > 0) {
      COSArray contents = new COSArray();
      contents.add(writer.raw(PdfEditionWriter.SAVE_STATE + " 0 R"));
      COSBase old = dict.getItem(COSName.CONTENTS);
      if (old instanceof COSArray array) {
        for (int i = 0; i < array.size(); i++) {
          contents.add(array.get(i));
        }
      } else if (old != null) {
        contents.add(old);
      }
      int footer = writer.reserve();
      writer.stream(footer, "", edition.footer(label, page.getMediaBox().getWidth()));
      contents.add(writer.raw(footer + " 0 R"));
      dict.setItem(COSName.CONTENTS, contents);
      COSDictionary resources = page.getResources().getCOSObject();
      COSDictionary fonts = resources.getCOSDictionary(COSName.FONT);
      if (fonts == null) {
        fonts = new COSDictionary();
        resources.setItem(COSName.FONT, fonts);
      }
      fonts.setItem(
          COSName.getPDFName(PdfStamps.FONT_RESOURCE),
          writer.raw(edition.face(PdfStamps.FACE) + " 0 R"));
    }
  }

  private void numberTree(COSDictionary node, List<int[]> entries) throws IOException {
    COSArray nums = node.getCOSArray(COSName.NUMS);
    for (int i = 0; nums != null && i + 1 < nums.size(); i += 2) {
      int key = ((COSInteger) nums.getObject(i)).intValue();
      COSBase value = nums.get(i + 1);
      int number;
      if (value instanceof COSObject ref) {
        number = number(ref);
      } else {
        number = writer.reserve();
        queue.add(new Pending(number, value));
      }
      entries.add(new int[] {key, number});
    }
    COSArray kids = node.getCOSArray(COSName.KIDS);
    for (int i = 0; kids != null && i < kids.size(); i++) {
      numberTree((COSDictionary) kids.getObject(i), entries);
    }
  }

  private static void leaves(COSDictionary node, List<COSObject> pages) {
    COSArray kids = node.getCOSArray(COSName.KIDS);
    for (int i = 0; kids != null && i < kids.size(); i++) {
      if (kids.get(i) instanceof COSObject ref && ref.getObject() instanceof COSDictionary kid) {
        if (COSName.PAGES.equals(kid.getCOSName(COSName.TYPE))) {
          leaves(kid, pages);
        } else {
          pages.add(ref);
        }
      }
    }
  }
}
