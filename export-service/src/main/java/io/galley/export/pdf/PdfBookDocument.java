package io.galley.export.pdf;

import io.galley.events.BookMetadata;
import io.galley.events.ChapterEntry;
import io.galley.events.PrintSettings;
import io.galley.events.RenderedChapter;
import io.galley.export.edition.Alignment;
import io.galley.export.edition.BookContent;
import io.galley.export.edition.BookOutline;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Assembles the XHTML of the parts of the PDF: one document per chapter (ids prefixed, {@code
 * asset:} references resolved, {@code doc:} links turned into {@link #XREF} marker links resolved
 * after the merge) and the front matter (cover, title page, contents with known page numbers).
 */
final class PdfBookDocument {

  /** The prefix of a link to another part; its path is the docId, its fragment the anchor. */
  static final String XREF = "https://xref.galley.invalid/";

  /** The anchor of a chapter's start within its part. */
  static final String CHAPTER_ANCHOR = "ch";

  /** Body text justified; table cells stay as they are, too narrow to justify well. */
  private static final String JUSTIFY =
      ".chapter-content p, .chapter-content li, .chapter-content dd { text-align: justify; }"
          + " .chapter-content td p, .chapter-content th p { text-align: inherit; }";

  /** The anchor of the part page the first chapter of a SUMMARY.md part opens with. */
  static final String PART_ANCHOR = "part";

  private final String css;

  PdfBookDocument(String css) {
    this.css = css;
  }

  /** The printed page of an anchor of a chapter, for the page references of links. */
  @FunctionalInterface
  interface PageRefs {
    String page(String docId, String anchor);
  }

  /**
   * The part of chapter {@code index}, opened by its SUMMARY.md part's page when it is the part's
   * first chapter; {@code docIds} are the chapters of the book a link may target, {@code refs}
   * gives the pages that the book's page references print.
   */
  Document chapter(BookContent book, int index, Set<String> docIds, PageRefs refs) {
    RenderedChapter chapter = book.chapters().get(index);
    ChapterEntry entry = book.manifest().chapters().get(index);
    BookMetadata meta = book.manifest().book();
    PrintSettings print = meta.printSettings();
    Document doc =
        shell(
            meta, "@page { @bottom-center { content: none; } }" + (print.justify() ? JUSTIFY : ""));
    if (opensPart(book, index)) {
      Element page = doc.body().appendElement("section").addClass("part-page").id(PART_ANCHOR);
      page.appendElement("h1").addClass("part-title").text(entry.part());
    }
    Element section = doc.body().appendElement("section").addClass("chapter").id(CHAPTER_ANCHOR);
    section.appendElement("div").addClass("running-title").text(chapter.title());
    Element content = section.appendElement("div").addClass("chapter-content");
    String opener = BookOutline.opener(entry);
    if (opener != null) {
      content.appendElement("p").addClass("chapter-number").text(opener);
    }
    Document fragment = Jsoup.parse("<div>" + chapter.xhtml() + "</div>", "", Parser.xmlParser());
    Element root = fragment.child(0);
    Element h1 = root.selectFirst("h1");
    if (h1 == null) {
      content.appendElement("h1").text(chapter.title());
    } else if (entry.number() != null && entry.depth() > 0) {
      h1.prependText(entry.number() + " ");
    }
    rewrite(book, root, docIds);
    if (print.pageReferences()) {
      pageReferences(root, chapter.docId(), refs);
    }
    if (print.hyphenate()) {
      PdfHyphenation.hyphenate(root, meta.language());
    }
    content.appendChildren(root.childNodesCopy());
    anchorBookmarks(doc);
    return doc;
  }

  /**
   * The front matter: cover, title page and contents; {@code page} gives the printed page number of
   * an anchor ({@code docId, anchor}).
   */
  Document front(BookContent book, Function<String[], String> page) {
    BookMetadata meta = book.manifest().book();
    Document doc = shell(meta, ".toc { page-break-after: auto; }");
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
    Element nav = body.appendElement("nav").addClass("toc").id("toc");
    nav.appendElement("h1").text("Contents");
    BookOutline outline = BookOutline.of(book, BookOutline.contentsDepth(book));
    contents(nav.appendElement("ol"), book, outline.nodes(), page);
    return doc;
  }

  /** Whether chapter {@code index} is the first of a SUMMARY.md part. */
  static boolean opensPart(BookContent book, int index) {
    String part = book.manifest().chapters().get(index).part();
    return part != null
        && (index == 0 || !part.equals(book.manifest().chapters().get(index - 1).part()));
  }

  /** The anchor in its chapter's part that {@code node} points at. */
  static String anchor(BookOutline.Node node) {
    return switch (node.kind()) {
      case PART -> PART_ANCHOR;
      case CHAPTER -> CHAPTER_ANCHOR;
      case SECTION -> anchor(node.heading());
    };
  }

  private static void contents(
      Element list,
      BookContent book,
      List<BookOutline.Node> nodes,
      Function<String[], String> page) {
    for (BookOutline.Node node : nodes) {
      Element item =
          list.appendElement("li")
              // "toc-" keeps clear of the classes of the chapters themselves (.chapter breaks
              // pages)
              .addClass("toc-" + node.kind().name().toLowerCase(Locale.ROOT));
      String docId = book.chapters().get(node.chapter()).docId();
      tocLink(item, docId, anchor(node), node.label(), page);
      if (!node.children().isEmpty()) {
        contents(item.appendElement("ol"), book, node.children(), page);
      }
    }
  }

  /** The id an element of the chapter's XHTML gets in its part. */
  static String anchor(String id) {
    return "c-" + id;
  }

  static String xref(String docId, String anchor) {
    return XREF + URLEncoder.encode(docId, StandardCharsets.UTF_8) + "#" + anchor;
  }

  static String assetUri(String sha, String mediaType) {
    return AssetStreamFactory.SCHEME + ":" + sha + "." + BookContent.extension(mediaType);
  }

  private Document shell(BookMetadata meta, String extraCss) {
    Document doc = Document.createShell("");
    doc.outputSettings().prettyPrint(false);
    doc.selectFirst("html").attr("lang", meta.language());
    Element head = doc.head();
    head.appendElement("title").text(meta.title());
    String description =
        meta.subtitle() == null || meta.subtitle().isBlank() ? meta.title() : meta.subtitle();
    head.appendElement("meta").attr("name", "description").attr("content", description);
    head.appendElement("meta").attr("name", "subject").attr("content", description);
    head.appendElement("meta")
        .attr("name", "author")
        .attr("content", String.join(", ", meta.authors()));
    head.appendElement("style").appendText(pageCss(meta.pageSize()) + extraCss);
    return doc;
  }

  private static void tocLink(
      Element item, String docId, String anchor, String text, Function<String[], String> page) {
    item.appendElement("a")
        .attr("href", xref(docId, anchor))
        .attr("data-page", page.apply(new String[] {docId, anchor}))
        .text(text);
  }

  /** A bookmark per id, read back after layout for the position of every anchor. */
  private static void anchorBookmarks(Document doc) {
    Element marks = doc.head().appendElement("bookmarks");
    for (Element e : doc.body().select("[id]")) {
      marks.appendElement("bookmark").attr("name", e.id()).attr("href", "#" + e.id());
    }
  }

  private String pageCss(String pageSize) {
    String size = "LETTER".equalsIgnoreCase(pageSize) ? "letter" : "A4";
    return css.replace("__PAGE_SIZE__", size);
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

  /**
   * Follows each link to a chapter or to a heading with the page it leads to, as text (so that it
   * is tagged and read aloud with the link) outside the link.
   */
  private static void pageReferences(Element root, String docId, PageRefs refs) {
    for (Element a : root.select("a[href]")) {
      String href = a.attr("href");
      String[] target = null;
      if (href.startsWith(XREF)) {
        String ref = href.substring(XREF.length());
        int hash = ref.indexOf('#');
        target =
            new String[] {
              URLDecoder.decode(ref.substring(0, hash), StandardCharsets.UTF_8),
              ref.substring(hash + 1)
            };
      } else if (href.startsWith("#")) {
        Element to = root.getElementById(href.substring(1));
        if (to != null && to.normalName().matches("h[1-6]")) {
          target = new String[] {docId, href.substring(1)};
        }
      }
      if (target != null) {
        a.after(
            new Element("span")
                .addClass("page-ref")
                .text(" (page " + refs.page(target[0], target[1]) + ")"));
      }
    }
  }

  private static void rewrite(BookContent book, Element root, Set<String> docIds) {
    root.select("[id]").forEach(e -> e.id(anchor(e.id())));
    for (Element a : root.select("a[href]")) {
      String href = a.attr("href");
      if (href.startsWith("#")) {
        a.attr("href", "#" + anchor(href.substring(1)));
      } else if (href.startsWith("doc:")) {
        String target = href.substring(4);
        int hash = target.indexOf('#');
        String docId = hash < 0 ? target : target.substring(0, hash);
        if (!docIds.contains(docId)) {
          a.unwrap();
        } else {
          a.attr(
              "href", xref(docId, hash < 0 ? CHAPTER_ANCHOR : anchor(target.substring(hash + 1))));
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
    // chapter styles never reach the layout engine: only the legal alignments become CSS
    root.select("[style]").removeAttr("style");
    Alignment.toStyle(root);
    root.select("a.footnote-backref").forEach(a -> a.text("\u2191"));
  }
}
