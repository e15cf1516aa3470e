package io.galley.export.pdf;

import io.galley.events.BookMetadata;
import io.galley.events.Heading;
import io.galley.events.RenderedChapter;
import io.galley.export.edition.BookContent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Assembles one XHTML document for the whole book: cover, table of contents and every chapter on a
 * new page, with ids prefixed per chapter and {@code doc:}/{@code asset:} references resolved.
 */
final class PdfBookDocument {

  private final String css;

  PdfBookDocument(String css) {
    this.css = css;
  }

  Document assemble(BookContent book) {
    BookMetadata meta = book.manifest().book();
    Document doc = Document.createShell("");
    doc.outputSettings().prettyPrint(false);
    Element html = doc.selectFirst("html");
    html.attr("lang", meta.language());
    Element head = doc.head();
    head.appendElement("title").text(meta.title());
    String description =
        meta.subtitle() == null || meta.subtitle().isBlank() ? meta.title() : meta.subtitle();
    head.appendElement("meta").attr("name", "description").attr("content", description);
    head.appendElement("meta").attr("name", "subject").attr("content", description);
    head.appendElement("meta")
        .attr("name", "author")
        .attr("content", String.join(", ", meta.authors()));
    head.appendElement("meta")
        .attr("name", "keywords")
        .attr("content", meta.id() + ", " + meta.language());
    head.appendElement("style").appendText(pageCss(meta.pageSize()));
    head.appendChild(bookmarks(book));
    Element body = doc.body();
    book.coverImage()
        .ifPresent(
            cover ->
                body.appendElement("section")
                    .addClass("cover-image")
                    .appendElement("img")
                    .attr("src", assetUri(cover.sha256(), cover.mediaType()))
                    .attr("alt", "Cover of " + meta.title()));
    body.appendChild(titlePage(meta));
    body.appendChild(tableOfContents(book));
    Map<String, Integer> chapterIndex = new HashMap<>();
    for (int i = 0; i < book.chapters().size(); i++) {
      chapterIndex.put(book.chapters().get(i).docId(), i + 1);
    }
    for (int i = 0; i < book.chapters().size(); i++) {
      body.appendChild(chapter(book, i + 1, book.chapters().get(i), chapterIndex));
    }
    return doc;
  }

  static String chapterId(int index) {
    return "ch-" + index;
  }

  static String prefix(int index) {
    return "c" + index + "-";
  }

  static String assetUri(String sha, String mediaType) {
    return AssetStreamFactory.SCHEME + ":" + sha + "." + BookContent.extension(mediaType);
  }

  private String pageCss(String pageSize) {
    String size = "LETTER".equalsIgnoreCase(pageSize) ? "letter" : "A4";
    return css.replace("__PAGE_SIZE__", size);
  }

  private static Element bookmarks(BookContent book) {
    Element marks = new Element("bookmarks");
    for (int i = 0; i < book.chapters().size(); i++) {
      RenderedChapter chapter = book.chapters().get(i);
      Element mark =
          marks
              .appendElement("bookmark")
              .attr("name", chapter.title())
              .attr("href", "#" + chapterId(i + 1));
      for (Heading h : sections(chapter)) {
        mark.appendElement("bookmark")
            .attr("name", h.text())
            .attr("href", "#" + prefix(i + 1) + h.id());
      }
    }
    return marks;
  }

  private static List<Heading> sections(RenderedChapter chapter) {
    return chapter.headings().stream().filter(h -> h.level() == 2).toList();
  }

  private static Element titlePage(BookMetadata meta) {
    Element page = new Element("section").addClass("cover").id("title-page");
    page.appendElement("h1").addClass("book-title").text(meta.title());
    if (meta.subtitle() != null && !meta.subtitle().isBlank()) {
      page.appendElement("p").addClass("subtitle").text(meta.subtitle());
    }
    if (!meta.authors().isEmpty()) {
      page.appendElement("p").addClass("authors").text(String.join(", ", meta.authors()));
    }
    if (meta.publisher() != null && !meta.publisher().isBlank()) {
      page.appendElement("p").addClass("publisher").text(meta.publisher());
    }
    return page;
  }

  private static Element tableOfContents(BookContent book) {
    Element nav = new Element("nav").addClass("toc").id("toc");
    nav.appendElement("h1").text("Contents");
    Element list = nav.appendElement("ol");
    for (int i = 0; i < book.chapters().size(); i++) {
      RenderedChapter chapter = book.chapters().get(i);
      Element item = list.appendElement("li");
      item.appendElement("a").attr("href", "#" + chapterId(i + 1)).text(chapter.title());
      List<Heading> sections = sections(chapter);
      if (!sections.isEmpty()) {
        Element sub = item.appendElement("ol");
        for (Heading h : sections) {
          sub.appendElement("li")
              .appendElement("a")
              .attr("href", "#" + prefix(i + 1) + h.id())
              .text(h.text());
        }
      }
    }
    return nav;
  }

  private static Element chapter(
      BookContent book, int index, RenderedChapter chapter, Map<String, Integer> chapterIndex) {
    Element section = new Element("section").addClass("chapter").id(chapterId(index));
    if (index == 1) {
      section.addClass("first-chapter");
    }
    section.appendElement("div").addClass("running-title").text(chapter.title());
    Element content = section.appendElement("div").addClass("chapter-content");
    Document fragment = Jsoup.parse("<div>" + chapter.xhtml() + "</div>", "", Parser.xmlParser());
    Element root = fragment.child(0);
    if (root.selectFirst("h1") == null) {
      content.appendElement("h1").text(chapter.title());
    }
    rewrite(book, index, root, chapterIndex);
    content.appendChildren(root.childNodesCopy());
    return section;
  }

  private static void rewrite(
      BookContent book, int index, Element root, Map<String, Integer> chapterIndex) {
    String prefix = prefix(index);
    root.select("[id]").forEach(e -> e.id(prefix + e.id()));
    for (Element a : root.select("a[href]")) {
      String href = a.attr("href");
      if (href.startsWith("#")) {
        a.attr("href", "#" + prefix + href.substring(1));
      } else if (href.startsWith("doc:")) {
        String target = href.substring(4);
        int hash = target.indexOf('#');
        String docId = hash < 0 ? target : target.substring(0, hash);
        Integer other = chapterIndex.get(docId);
        if (other == null) {
          a.unwrap();
        } else {
          a.attr(
              "href",
              hash < 0 ? "#" + chapterId(other) : "#" + prefix(other) + target.substring(hash + 1));
        }
      } else if (!href.startsWith("http:")
          && !href.startsWith("https:")
          && !href.startsWith("mailto:")) {
        a.unwrap();
      }
    }
    for (Element img : root.select("img")) {
      String src = img.attr("src");
      if (src.startsWith("asset:")) {
        String sha = src.substring(6);
        img.attr("src", assetUri(sha, book.mediaType(sha)));
      } else {
        img.replaceWith(new Element("span").addClass("missing-image").text(img.attr("alt")));
      }
    }
    root.select("[align]")
        .forEach(e -> e.attr("style", "text-align: " + e.attr("align")).removeAttr("align"));
    root.select("a.footnote-backref").forEach(a -> a.text("\u2191"));
  }
}
