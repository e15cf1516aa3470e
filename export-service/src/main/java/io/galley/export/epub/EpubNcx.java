package io.galley.export.epub;

import static io.galley.export.epub.Xml.escape;

import io.galley.events.BookMetadata;
import io.galley.export.edition.BookContent;

/** The EPUB 2 NCX for older reading systems: the contents as the navigation document has them. */
final class EpubNcx {

  private EpubNcx() {}

  static String ncx(BookContent book) {
    BookMetadata meta = book.manifest().book();
    EpubContents contents = new EpubContents(book);
    StringBuilder out = new StringBuilder();
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append(
            "<ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" version=\"2005-1\" xml:lang=\"")
        .append(escape(meta.language()))
        .append("\">\n<head>\n")
        .append("<meta name=\"dtb:uid\" content=\"")
        .append(escape(EpubPackage.identifier(meta)))
        .append("\"/>\n")
        .append("<meta name=\"dtb:depth\" content=\"")
        .append(Math.max(1, contents.depth()))
        .append("\"/>\n")
        .append("<meta name=\"dtb:totalPageCount\" content=\"0\"/>\n")
        .append("<meta name=\"dtb:maxPageNumber\" content=\"0\"/>\n</head>\n")
        .append("<docTitle><text>")
        .append(escape(meta.title()))
        .append("</text></docTitle>\n<navMap>\n");
    out.append(contents.navPoints());
    return out.append("</navMap>\n</ncx>\n").toString();
  }
}
