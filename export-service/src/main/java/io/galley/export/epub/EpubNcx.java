package io.galley.export.epub;

import static io.galley.export.epub.Xml.escape;

import io.galley.events.BookMetadata;
import io.galley.events.Heading;
import io.galley.events.RenderedChapter;
import io.galley.export.edition.BookContent;
import java.util.List;

/** The EPUB 2 NCX for older reading systems: every chapter and its sections, in play order. */
final class EpubNcx {

  private EpubNcx() {}

  static String ncx(BookContent book) {
    BookMetadata meta = book.manifest().book();
    List<RenderedChapter> chapters = book.chapters();
    boolean nested = chapters.stream().anyMatch(c -> !EpubPackage.sections(c).isEmpty());
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
        .append(nested ? 2 : 1)
        .append("\"/>\n")
        .append("<meta name=\"dtb:totalPageCount\" content=\"0\"/>\n")
        .append("<meta name=\"dtb:maxPageNumber\" content=\"0\"/>\n</head>\n")
        .append("<docTitle><text>")
        .append(escape(meta.title()))
        .append("</text></docTitle>\n<navMap>\n");
    int order = 0;
    for (int i = 0; i < chapters.size(); i++) {
      String file = EpubChapters.fileName(i + 1);
      order++;
      out.append("<navPoint id=\"np-")
          .append(i + 1)
          .append("\" playOrder=\"")
          .append(order)
          .append("\">")
          .append("<navLabel><text>")
          .append(escape(chapters.get(i).title()))
          .append("</text></navLabel>")
          .append("<content src=\"")
          .append(file)
          .append("\"/>\n");
      int s = 0;
      for (Heading h : EpubPackage.sections(chapters.get(i))) {
        order++;
        s++;
        out.append("<navPoint id=\"np-")
            .append(i + 1)
            .append('-')
            .append(s)
            .append("\" playOrder=\"")
            .append(order)
            .append("\"><navLabel><text>")
            .append(escape(h.text()))
            .append("</text></navLabel>")
            .append("<content src=\"")
            .append(file)
            .append('#')
            .append(escape(h.id()))
            .append("\"/></navPoint>\n");
      }
      out.append("</navPoint>\n");
    }
    return out.append("</navMap>\n</ncx>\n").toString();
  }
}
