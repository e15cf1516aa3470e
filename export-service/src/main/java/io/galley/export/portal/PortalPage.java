package io.galley.export.portal;

import static io.galley.export.portal.Html.esc;
import static io.galley.export.portal.Html.seg;

import io.galley.events.EditionFormat;
import io.galley.events.EditionPublished;
import io.galley.export.ExportProperties;
import io.galley.export.history.CommitEntry;
import io.galley.export.history.EditionHistory;
import io.galley.export.store.EditionCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/** Renders the portal's front page and the parts of it that live updates replace. */
@Component
class PortalPage {

  static final List<EditionFormat> FORMATS =
      List.of(EditionFormat.HTML, EditionFormat.PDF, EditionFormat.EPUB);
  static final int HISTORY_ROWS = 30;

  private final EditionHistory history;
  private final EditionCatalog catalog;
  private final String siteBaseUrl;
  private final HistoryRow rows;

  PortalPage(EditionHistory history, EditionCatalog catalog, ExportProperties properties) {
    this.history = history;
    this.catalog = catalog;
    this.siteBaseUrl = properties.siteBaseUrl();
    this.rows = new HistoryRow(properties.siteBaseUrl());
  }

  String page() {
    List<String> books = books();
    StringBuilder html = new StringBuilder(Html.head("Galley publisher portal"));
    html.append(
            "<h1>Editions</h1>\n<p class=\"lead\">The latest HTML, PDF and EPUB edition of every book, ")
        .append(
            "and what happened to each commit. This page updates itself while commits move through the ")
        .append(
            "pipeline.</p>\n<p id=\"live-status\" class=\"live-status\" role=\"status\" aria-live=\"polite\">")
        .append("</p>\n");
    html.append("<div id=\"books\">\n");
    if (books.size() > 1) {
      html.append("<nav aria-label=\"Books\" class=\"book-nav\"><ul>");
      books.forEach(
          b ->
              html.append("<li><a href=\"#book-")
                  .append(Html.slug(b))
                  .append("\">")
                  .append(esc(title(b)))
                  .append("</a></li>"));
      html.append("</ul></nav>\n");
    }
    if (books.isEmpty()) {
      html.append(
              "<p id=\"no-books\" class=\"empty\">No editions yet. Commit a chapter to the content ")
          .append("repository and it appears here within seconds.</p>\n");
    }
    books.forEach(b -> html.append(section(b)));
    return html.append("</div>\n").append(Html.foot()).toString();
  }

  String section(String bookId) {
    String slug = Html.slug(bookId);
    StringBuilder html = new StringBuilder();
    html.append("<section class=\"book\" id=\"book-")
        .append(slug)
        .append("\" data-book=\"")
        .append(esc(bookId))
        .append("\" aria-labelledby=\"book-")
        .append(slug)
        .append("-title\">\n<h2 id=\"book-")
        .append(slug)
        .append("-title\">")
        .append(esc(title(bookId)))
        .append(" <span class=\"book-id\">")
        .append(esc(bookId))
        .append("</span></h2>\n")
        .append(latest(bookId));
    html.append("<h3 id=\"book-")
        .append(slug)
        .append("-history\">Edition history</h3>\n")
        .append("<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"book-")
        .append(slug)
        .append(
            "-history\" tabindex=\"0\">\n<table class=\"history\">\n<caption class=\"visually-hidden\">")
        .append("Commits of ")
        .append(esc(bookId))
        .append(", newest first, with the state of each format")
        .append("</caption>\n<thead><tr><th scope=\"col\">Commit</th><th scope=\"col\">Author</th>")
        .append(
            "<th scope=\"col\">Message</th><th scope=\"col\">Time</th><th scope=\"col\">HTML</th>")
        .append(
            "<th scope=\"col\">PDF</th><th scope=\"col\">EPUB</th><th scope=\"col\">Changes</th></tr></thead>\n")
        .append("<tbody data-history=\"")
        .append(esc(bookId))
        .append("\">\n");
    List<CommitEntry> commits = history.history(bookId);
    for (int i = 0; i < Math.min(commits.size(), HISTORY_ROWS); i++) {
      html.append(rows.render(commits.get(i), previous(commits, i)));
    }
    html.append("</tbody>\n</table>\n</div>\n");
    if (commits.size() > HISTORY_ROWS) {
      html.append("<p class=\"muted\">Showing the newest ")
          .append(HISTORY_ROWS)
          .append(" of ")
          .append(commits.size())
          .append(" commits.</p>\n");
    }
    return html.append("</section>\n").toString();
  }

  /** The history row of one commit. */
  String row(CommitEntry entry) {
    List<CommitEntry> commits = history.history(entry.bookId());
    int at = commits.indexOf(entry);
    return rows.render(
        entry,
        at < 0 ? history.previousAccepted(entry.bookId(), entry.commit()) : previous(commits, at));
  }

  String latest(String bookId) {
    StringBuilder html =
        new StringBuilder("<div class=\"latest\" data-latest=\"")
            .append(esc(bookId))
            .append("\">\n")
            .append("<h3>Latest editions</h3>\n<ul class=\"editions\">\n");
    for (EditionFormat format : FORMATS) {
      html.append(card(bookId, format, catalog.latest(bookId, format)));
    }
    return html.append("</ul>\n</div>\n").toString();
  }

  private String card(String bookId, EditionFormat format, Optional<EditionPublished> latest) {
    StringBuilder html =
        new StringBuilder("<li class=\"edition\" data-format=\"")
            .append(format)
            .append("\">")
            .append("<h4>")
            .append(format)
            .append("</h4>");
    if (latest.isEmpty()) {
      return html.append("<p class=\"muted\">Not built yet.</p></li>\n").toString();
    }
    EditionPublished e = latest.get();
    String href =
        switch (format) {
          case HTML -> siteBaseUrl + "/books/" + Html.encoded(bookId) + "/";
          case PDF, EPUB ->
              "/books/"
                  + Html.encoded(bookId)
                  + "/latest."
                  + format.name().toLowerCase(java.util.Locale.ROOT);
        };
    String action = format == EditionFormat.HTML ? "Open the HTML site" : "Download the " + format;
    html.append("<p><a class=\"button\" href=\"")
        .append(esc(href))
        .append("\"")
        .append(format == EditionFormat.HTML ? "" : " download")
        .append(">")
        .append(action)
        .append("<span class=\"visually-hidden\"> of ")
        .append(esc(bookId))
        .append("</span></a></p>")
        .append("<dl>")
        .append("<dt>Commit</dt><dd><code title=\"")
        .append(esc(e.commit()))
        .append("\">")
        .append(esc(e.commit().substring(0, Math.min(7, e.commit().length()))))
        .append("</code></dd>")
        .append("<dt>Built at</dt><dd>")
        .append(Html.time(e.builtAt()))
        .append("</dd>")
        .append("<dt>Size</dt><dd>")
        .append(Html.size(e.bytes()))
        .append("</dd>");
    if (e.pages() != null) {
      html.append("<dt>Pages</dt><dd>").append(e.pages()).append("</dd>");
    }
    html.append("<dt>Build took</dt><dd>")
        .append(Html.millis(e.buildMillis()))
        .append("</dd>")
        .append("<dt>SHA-256</dt><dd><code class=\"sha\">")
        .append(esc(e.sha256()))
        .append("</code></dd>")
        .append("</dl></li>\n");
    return html.toString();
  }

  List<String> books() {
    TreeSet<String> ids = new TreeSet<>(history.books());
    catalog.all().forEach(e -> ids.add(e.bookId()));
    return new ArrayList<>(ids);
  }

  String title(String bookId) {
    return history.history(bookId).stream()
        .filter(c -> c.manifest() != null)
        .map(c -> c.manifest().book().title())
        .findFirst()
        .orElse(bookId);
  }

  private static Optional<CommitEntry> previous(List<CommitEntry> newestFirst, int index) {
    for (int i = index + 1; i < newestFirst.size(); i++) {
      if (newestFirst.get(i).manifest() != null) {
        return Optional.of(newestFirst.get(i));
      }
    }
    return Optional.empty();
  }

  static String bookLink(String bookId) {
    return "/#book-" + seg(Html.slug(bookId));
  }
}
