package io.galley.export.epub;

import io.galley.events.RenderedChapter;
import io.galley.export.edition.Alignment;
import io.galley.export.edition.BookContent;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

/**
 * Turns a rendered fragment into an EPUB content document: {@code doc:} links point at chapter
 * files, {@code asset:} images at {@code images/}, footnotes carry {@code epub:type}.
 */
final class EpubChapters {

  /** A chapter content document and the images it uses. */
  record ChapterFile(String xhtml, Set<String> imageShas, boolean hasSvg) {}

  private EpubChapters() {}

  static String fileName(int index) {
    return String.format("chapter-%03d.xhtml", index);
  }

  static String imagePath(String sha, String mediaType) {
    return "images/" + sha + "." + BookContent.extension(mediaType);
  }

  static ChapterFile chapter(
      BookContent book, RenderedChapter chapter, Map<String, Integer> chapterIndex) {
    Document fragment = Jsoup.parse("<div>" + chapter.xhtml() + "</div>", "", Parser.xmlParser());
    fragment
        .outputSettings()
        .syntax(Document.OutputSettings.Syntax.xml)
        .escapeMode(Entities.EscapeMode.xhtml)
        .charset("UTF-8")
        .prettyPrint(false);
    Element root = fragment.child(0);
    Set<String> images = new TreeSet<>();
    UnsafeMarkupFilter.strip(root);
    rewriteLinks(root, chapterIndex);
    for (Element img : root.select("img")) {
      String src = img.attr("src");
      if (src.startsWith("asset:")) {
        String sha = src.substring(6);
        images.add(sha);
        img.attr("src", imagePath(sha, book.mediaType(sha)));
        if (!img.hasAttr("alt")) {
          img.attr("alt", "");
        }
      } else {
        img.replaceWith(new Element("span").text(img.attr("alt")));
      }
    }
    Alignment.toStyle(root);
    root.select("a[data-footnote-ref], sup.footnote-ref > a")
        .forEach(a -> a.attr("epub:type", "noteref"));
    root.select("section.footnotes li[id], section[data-footnotes] li[id]")
        .forEach(li -> li.attr("epub:type", "footnote"));
    StringBuilder out = new StringBuilder();
    out.append(Xml.xhtmlStart(chapter.title(), book.manifest().book().language(), "bodymatter"));
    out.append("<section epub:type=\"chapter\" role=\"doc-chapter\">");
    if (root.selectFirst("h1") == null) {
      out.append("<h1>").append(Xml.escape(chapter.title())).append("</h1>");
    }
    out.append(root.html());
    out.append("</section>").append(Xml.xhtmlEnd());
    return new ChapterFile(out.toString(), images, root.selectFirst("svg") != null);
  }

  private static void rewriteLinks(Element root, Map<String, Integer> chapterIndex) {
    for (Element a : root.select("a[href]")) {
      String href = a.attr("href");
      if (!href.startsWith("doc:")) {
        if (href.startsWith("asset:")) {
          a.unwrap();
        }
        continue;
      }
      String target = href.substring(4);
      int hash = target.indexOf('#');
      Integer index = chapterIndex.get(hash < 0 ? target : target.substring(0, hash));
      if (index == null) {
        a.unwrap();
      } else {
        a.attr("href", fileName(index) + (hash < 0 ? "" : target.substring(hash)));
      }
    }
  }
}
