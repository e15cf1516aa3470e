package io.galley.export.epub;

import static io.galley.export.epub.Xml.escape;

import io.galley.events.BookMetadata;
import io.galley.events.CommitIngested;
import io.galley.events.RenderedChapter;
import io.galley.export.edition.BookContent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The package documents of an EPUB 3: container, OPF, navigation document, NCX and cover. */
final class EpubPackage {

  static final String CONTAINER =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
        <rootfiles>
          <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
        </rootfiles>
      </container>
      """;

  private EpubPackage() {}

  /** The identifier that stays the same across editions of a book. */
  static String identifier(BookMetadata meta) {
    String id = meta.identifier();
    if (id == null || id.isBlank()) {
      return "urn:uuid:"
          + UUID.nameUUIDFromBytes(("galley:" + meta.id()).getBytes(StandardCharsets.UTF_8));
    }
    if (id.matches("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
      return "urn:uuid:" + id.toLowerCase();
    }
    if (id.replace("-", "").matches("97[89][0-9]{10}|[0-9]{9}[0-9Xx]")) {
      return "urn:isbn:" + id.replace("-", "");
    }
    return id;
  }

  static String modified(Instant time) {
    return DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.SECONDS));
  }

  /** Describes one image in the manifest. */
  record Image(String sha, String mediaType, boolean cover) {}

  static String opf(BookContent book, List<Image> images, List<Boolean> chapterHasSvg) {
    CommitIngested manifest = book.manifest();
    BookMetadata meta = manifest.book();
    StringBuilder out = new StringBuilder();
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\"")
        .append(" unique-identifier=\"book-id\" xml:lang=\"")
        .append(escape(meta.language()))
        .append("\">\n")
        .append("<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n")
        .append("<dc:identifier id=\"book-id\">")
        .append(escape(identifier(meta)))
        .append("</dc:identifier>\n")
        .append("<dc:title>")
        .append(escape(meta.title()))
        .append("</dc:title>\n");
    for (int i = 0; i < meta.authors().size(); i++) {
      out.append("<dc:creator id=\"creator-")
          .append(i + 1)
          .append("\">")
          .append(escape(meta.authors().get(i)))
          .append("</dc:creator>\n");
    }
    out.append("<dc:language>").append(escape(meta.language())).append("</dc:language>\n");
    if (meta.publisher() != null && !meta.publisher().isBlank()) {
      out.append("<dc:publisher>").append(escape(meta.publisher())).append("</dc:publisher>\n");
    }
    if (meta.rights() != null && !meta.rights().isBlank()) {
      out.append("<dc:rights>").append(escape(meta.rights())).append("</dc:rights>\n");
    }
    if (meta.subtitle() != null && !meta.subtitle().isBlank()) {
      out.append("<dc:description>").append(escape(meta.subtitle())).append("</dc:description>\n");
    }
    out.append("<meta property=\"dcterms:modified\">")
        .append(modified(manifest.committedAt()))
        .append("</meta>\n");
    accessibility(out, !images.isEmpty());
    images.stream()
        .filter(Image::cover)
        .findFirst()
        .ifPresent(
            c ->
                out.append("<meta name=\"cover\" content=\"")
                    .append(imageId(c.sha()))
                    .append("\"/>\n"));
    out.append("</metadata>\n<manifest>\n")
        .append(
            "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n")
        .append("<item id=\"ncx\" href=\"toc.ncx\" media-type=\"application/x-dtbncx+xml\"/>\n")
        .append("<item id=\"css\" href=\"style.css\" media-type=\"text/css\"/>\n")
        .append("<item id=\"cover\" href=\"cover.xhtml\" media-type=\"application/xhtml+xml\"/>\n");
    for (int i = 0; i < book.chapters().size(); i++) {
      out.append("<item id=\"")
          .append(chapterId(i + 1))
          .append("\" href=\"")
          .append(EpubChapters.fileName(i + 1))
          .append("\" media-type=\"application/xhtml+xml\"")
          .append(chapterHasSvg.get(i) ? " properties=\"svg\"" : "")
          .append("/>\n");
    }
    for (Image image : images) {
      out.append("<item id=\"")
          .append(imageId(image.sha()))
          .append("\" href=\"")
          .append(EpubChapters.imagePath(image.sha(), image.mediaType()))
          .append("\" media-type=\"")
          .append(image.mediaType())
          .append("\"")
          .append(image.cover() ? " properties=\"cover-image\"" : "")
          .append("/>\n");
    }
    out.append(
        "</manifest>\n<spine toc=\"ncx\">\n<itemref idref=\"cover\"/>\n<itemref idref=\"nav\"/>\n");
    for (int i = 0; i < book.chapters().size(); i++) {
      out.append("<itemref idref=\"").append(chapterId(i + 1)).append("\"/>\n");
    }
    return out.append("</spine>\n</package>\n").toString();
  }

  private static void accessibility(StringBuilder out, boolean hasImages) {
    out.append("<meta property=\"schema:accessMode\">textual</meta>\n");
    if (hasImages) {
      out.append("<meta property=\"schema:accessMode\">visual</meta>\n");
    }
    out.append("<meta property=\"schema:accessModeSufficient\">textual</meta>\n")
        .append("<meta property=\"schema:accessibilityFeature\">structuralNavigation</meta>\n")
        .append("<meta property=\"schema:accessibilityFeature\">tableOfContents</meta>\n")
        .append("<meta property=\"schema:accessibilityFeature\">readingOrder</meta>\n")
        .append("<meta property=\"schema:accessibilityHazard\">none</meta>\n")
        .append(
            "<meta property=\"schema:accessibilitySummary\">Reflowable text with a navigable table"
                + " of contents and headings in reading order.</meta>\n");
  }

  static String chapterId(int index) {
    return "chapter-" + index;
  }

  static String imageId(String sha) {
    return "img-" + sha.substring(0, 16);
  }

  static String nav(BookContent book) {
    BookMetadata meta = book.manifest().book();
    StringBuilder out =
        new StringBuilder(Xml.xhtmlStart("Contents", meta.language(), "frontmatter"));
    out.append("<nav epub:type=\"toc\" id=\"toc\" role=\"doc-toc\">\n<h1>Contents</h1>\n")
        .append(new EpubContents(book).navList());
    List<RenderedChapter> chapters = book.chapters();
    out.append("</nav>\n<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n")
        .append("<h2>Landmarks</h2>\n<ol>\n")
        .append("<li><a epub:type=\"cover\" href=\"cover.xhtml\">Cover</a></li>\n")
        .append("<li><a epub:type=\"toc\" href=\"nav.xhtml#toc\">Contents</a></li>\n");
    if (!chapters.isEmpty()) {
      out.append("<li><a epub:type=\"bodymatter\" href=\"")
          .append(EpubChapters.fileName(1))
          .append("\">Start of content</a></li>\n");
    }
    return out.append("</ol>\n</nav>").append(Xml.xhtmlEnd()).toString();
  }

  static String cover(BookContent book, Map<String, String> coverImage) {
    BookMetadata meta = book.manifest().book();
    StringBuilder out = new StringBuilder(Xml.xhtmlStart(meta.title(), meta.language(), "cover"));
    out.append("<section class=\"cover\">\n");
    coverImage.forEach(
        (path, alt) ->
            out.append("<p><img src=\"")
                .append(path)
                .append("\" alt=\"")
                .append(escape(alt))
                .append("\"/></p>\n"));
    out.append("<h1>").append(escape(meta.title())).append("</h1>\n");
    if (meta.subtitle() != null && !meta.subtitle().isBlank()) {
      out.append("<p class=\"subtitle\">").append(escape(meta.subtitle())).append("</p>\n");
    }
    if (!meta.authors().isEmpty()) {
      out.append("<p class=\"authors\">")
          .append(escape(String.join(", ", meta.authors())))
          .append("</p>\n");
    }
    return out.append("</section>").append(Xml.xhtmlEnd()).toString();
  }
}
