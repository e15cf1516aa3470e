package io.galley.render.site;

import io.galley.events.CommitIngested;
import io.galley.events.Heading;
import io.galley.events.RenderedChapter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The HTML of the site's pages: the index and one page per chapter. Thread-safe. */
final class SitePages {

  /**
   * The policy every page carries itself, so that the downloaded zip opened from disk is as safe as
   * the served site: no inline script or style, nothing fetched from elsewhere.
   */
  static final String PAGE_CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; base-uri 'none'; form-action 'none'";

  /**
   * The menu toggle of small screens: without a script, a checkbox before the layout that the style
   * sheet reads ({@code :checked ~ .layout}) to show the chapter list, which is otherwise hidden
   * there so that the chapter comes first; the checkbox itself stays focusable, so the keyboard
   * opens the list with Space as the pointer does by pressing the label.
   */
  private static final String MENU_TOGGLE =
      "<input type=\"checkbox\" id=\"galley-menu\" class=\"menu-toggle\""
          + " aria-controls=\"galley-chapters\">\n";

  private static final String MENU_BUTTON =
      "<label class=\"menu-button\" for=\"galley-menu\">"
          + "<span aria-hidden=\"true\">\u2630</span> Chapters</label>\n";

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final CommitIngested manifest;
  private final List<RenderedChapter> chapters;
  private final Map<String, String> mediaTypes;
  private final java.util.Set<String> docIds = new java.util.HashSet<>();
  private final String[] tocLinks;
  private final String[] tocTitles;
  private final String[] tocBefore;
  private final String tocAfter;
  private final int tocSize;

  SitePages(
      CommitIngested manifest, List<RenderedChapter> chapters, Map<String, String> mediaTypes) {
    this.manifest = manifest;
    this.chapters = List.copyOf(chapters);
    this.mediaTypes = Map.copyOf(mediaTypes);
    this.chapters.forEach(c -> docIds.add(c.docId()));
    this.tocLinks = new String[this.chapters.size()];
    this.tocTitles = new String[this.chapters.size()];
    int size = 0;
    for (int i = 0; i < tocLinks.length; i++) {
      RenderedChapter c = this.chapters.get(i);
      tocLinks[i] = esc(SiteLinks.link("index.html", SiteLinks.pagePath(c.docId())));
      tocTitles[i] = esc(c.title());
      size += tocLinks[i].length() + tocTitles[i].length() + 24;
    }
    SidebarGroups groups = new SidebarGroups(manifest.chapters(), this.chapters);
    this.tocBefore = groups.before();
    this.tocAfter = groups.after();
    for (int i = 0; i < tocLinks.length; i++) {
      tocTitles[i] = esc(groups.label(i));
      size += tocBefore[i].length();
    }
    this.tocSize = size + tocAfter.length();
  }

  String index() {
    String path = "index.html";
    StringBuilder main =
        new StringBuilder("<h1>").append(esc(manifest.book().title())).append("</h1>\n");
    if (manifest.book().subtitle() != null && !manifest.book().subtitle().isBlank()) {
      main.append("<p class=\"subtitle\">")
          .append(esc(manifest.book().subtitle()))
          .append("</p>\n");
    }
    if (!manifest.book().authors().isEmpty()) {
      main.append("<p class=\"authors\">")
          .append(esc(String.join(", ", manifest.book().authors())))
          .append("</p>\n");
    }
    main.append("<h2 id=\"contents\">Contents</h2>\n<ol class=\"contents\">\n");
    for (RenderedChapter c : chapters) {
      main.append("<li><a href=\"")
          .append(esc(SiteLinks.link(path, SiteLinks.pagePath(c.docId()))))
          .append("\">")
          .append(esc(c.title()))
          .append("</a></li>\n");
    }
    main.append("</ol>\n");
    return page(path, manifest.book().title(), null, main.toString(), "");
  }

  String chapter(int i) {
    return chapter(i, Jsoup.parseBodyFragment(chapters.get(i).xhtml()));
  }

  /** The page of chapter {@code i} from its fragment parsed, which this changes. */
  String chapter(int i, Document fragment) {
    RenderedChapter c = chapters.get(i);
    String path = SiteLinks.pagePath(c.docId());
    StringBuilder main = new StringBuilder();
    boolean hasH1 = c.headings().stream().anyMatch(h -> h.level() == 1);
    if (!hasH1) {
      main.append("<h1>").append(esc(c.title())).append("</h1>\n");
    }
    main.append("<div class=\"chapter-body\">").append(fragment(fragment, path)).append("</div>\n");
    main.append(pager(i, path));
    return page(
        path, c.title() + " · " + manifest.book().title(), c.docId(), main.toString(), outline(c));
  }

  private String fragment(Document doc, String path) {
    for (Element a : doc.select("a[href^=doc:]")) {
      String ref = a.attr("href").substring(4);
      int hash = ref.indexOf('#');
      String docId = hash < 0 ? ref : ref.substring(0, hash);
      String anchor = hash < 0 ? "" : ref.substring(hash);
      if (docIds.contains(docId)) {
        a.attr("href", SiteLinks.link(path, SiteLinks.pagePath(docId)) + anchor);
      } else {
        a.unwrap(); // the converter already warned; never a page named after a scheme
      }
    }
    for (Element e : doc.select("img[src^=asset:], a[href^=asset:]")) {
      String attr = e.hasAttr("src") ? "src" : "href";
      String sha = e.attr(attr).substring(6);
      if (mediaTypes.containsKey(sha)) {
        e.attr(attr, SiteLinks.link(path, SiteLinks.assetPath(sha, mediaTypes.get(sha))));
      } else if (attr.equals("src")) {
        e.replaceWith(new org.jsoup.nodes.TextNode(e.attr("alt")));
      } else {
        e.unwrap();
      }
    }
    for (Element cell : doc.select("th[align], td[align]")) {
      // align is obsolete in HTML; a class, because the CSP forbids inline styles
      String align = cell.attr("align").toLowerCase(java.util.Locale.ROOT);
      cell.removeAttr("align");
      if (align.equals("left") || align.equals("right") || align.equals("center")) {
        cell.addClass("align-" + align);
      }
    }
    for (Element notes : doc.select("section.footnotes")) {
      if (notes.selectFirst("> h1, > h2, > h3, > h4, > h5, > h6") == null) {
        notes.prependElement("h2").addClass("visually-hidden").text("Notes");
      }
    }
    doc.outputSettings().prettyPrint(false).syntax(Document.OutputSettings.Syntax.html);
    return doc.body().html();
  }

  private String outline(RenderedChapter c) {
    List<Heading> sections =
        c.headings().stream().filter(h -> h.level() == 2 || h.level() == 3).toList();
    if (sections.isEmpty()) {
      return "";
    }
    StringBuilder s =
        new StringBuilder("<nav class=\"outline\" aria-labelledby=\"galley-outline-title\">\n");
    s.append("<h2 id=\"galley-outline-title\">On this page</h2>\n<ul>\n");
    for (Heading h : sections) {
      s.append("<li class=\"outline-")
          .append(h.level())
          .append("\"><a href=\"#")
          .append(esc(h.id()))
          .append("\">")
          .append(esc(h.text()))
          .append("</a></li>\n");
    }
    return s.append("</ul>\n</nav>\n").toString();
  }

  private String pager(int i, String path) {
    StringBuilder s =
        new StringBuilder("<nav class=\"pager\" aria-label=\"Previous and next chapter\">\n");
    if (i > 0) {
      RenderedChapter p = chapters.get(i - 1);
      s.append("<a rel=\"prev\" href=\"")
          .append(esc(SiteLinks.link(path, SiteLinks.pagePath(p.docId()))))
          .append("\"><span>Previous</span> ")
          .append(esc(p.title()))
          .append("</a>\n");
    }
    if (i < chapters.size() - 1) {
      RenderedChapter n = chapters.get(i + 1);
      s.append("<a rel=\"next\" href=\"")
          .append(esc(SiteLinks.link(path, SiteLinks.pagePath(n.docId()))))
          .append("\"><span>Next</span> ")
          .append(esc(n.title()))
          .append("</a>\n");
    }
    return s.append("</nav>\n").toString();
  }

  /**
   * The table of contents every page repeats (so the site works without scripts). Each chapter's
   * link from the site root and its title are escaped once, in the constructor: a page only
   * prefixes the links with its way back to the root, which keeps a big book's site cheap.
   */
  private String toc(String path, String currentDocId) {
    String root = esc(SiteLinks.toRoot(path));
    StringBuilder s =
        new StringBuilder(tocSize + chapters.size() * root.length() + 64)
            .append("<nav class=\"toc\" aria-label=\"Chapters\">\n<ol>\n");
    for (int i = 0; i < chapters.size(); i++) {
      s.append(tocBefore[i]).append("<li><a href=\"").append(root).append(tocLinks[i]).append('"');
      if (chapters.get(i).docId().equals(currentDocId)) {
        s.append(" aria-current=\"page\"");
      }
      s.append('>').append(tocTitles[i]).append("</a>");
    }
    return s.append(tocAfter).append("</ol>\n</nav>\n").toString();
  }

  private String page(String path, String title, String currentDocId, String main, String aside) {
    String root = SiteLinks.toRoot(path);
    // only the index names the commit: chapter pages must not change when only the commit does,
    // so that an incremental build can take them from the previous commit's site
    String footer =
        currentDocId == null
            ? "<p>Built from commit <code>"
                + esc(manifest.commit().substring(0, Math.min(12, manifest.commit().length())))
                + "</code>, "
                + esc(DATE.format(manifest.committedAt()))
                + ".</p>\n"
            : "<p><a href=\""
                + root
                + "index.html\">"
                + esc(manifest.book().title())
                + "</a></p>\n";
    return "<!DOCTYPE html>\n<html lang=\""
        + esc(manifest.book().language())
        + "\">\n<head>\n"
        + "<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\""
        + PAGE_CSP
        + "\">\n"
        + "<title>"
        + esc(title)
        + "</title>\n"
        + "<link rel=\"stylesheet\" href=\""
        + root
        + "style.css\">\n"
        + "<script src=\""
        + root
        + "search.js\" defer></script>\n"
        + "</head>\n<body data-root=\""
        + root
        + "\">\n"
        + "<a class=\"skip-link\" href=\"#galley-content\">Skip to content</a>\n"
        + MENU_TOGGLE
        + "<header class=\"site-header\">\n"
        + MENU_BUTTON
        + "<a class=\"book-title\" href=\""
        + root
        + "index.html\">"
        + esc(manifest.book().title())
        + "</a>\n"
        + "<form class=\"search\" role=\"search\" hidden>\n"
        + "<label class=\"visually-hidden\" for=\"galley-search\">Search this book</label>\n"
        + "<input id=\"galley-search\" type=\"search\" placeholder=\"Search\""
        + " autocomplete=\"off\">\n"
        + "<ol class=\"search-results\" aria-live=\"polite\"></ol>\n"
        + "</form>\n"
        + "</header>\n"
        + "<div class=\"layout\">\n"
        + "<aside class=\"sidebar\" id=\"galley-chapters\">\n"
        + toc(path, currentDocId)
        + "</aside>\n"
        + "<main id=\"galley-content\">\n<article>\n"
        + main
        + "</article>\n</main>\n"
        + (aside.isEmpty() ? "" : "<aside class=\"page-outline\">\n" + aside + "</aside>\n")
        + "</div>\n<footer class=\"site-footer\">\n"
        + footer
        + "</footer>\n"
        + "</body>\n</html>\n";
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
