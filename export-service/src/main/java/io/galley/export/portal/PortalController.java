package io.galley.export.portal;

import io.galley.events.EditionFormat;
import io.galley.events.EditionPublished;
import io.galley.export.ExportProperties;
import io.galley.export.store.EditionCatalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** {@code GET /}: the publisher portal, every book with links to its latest editions. */
@RestController
class PortalController {

  private final EditionCatalog catalog;
  private final ExportProperties properties;

  PortalController(EditionCatalog catalog, ExportProperties properties) {
    this.catalog = catalog;
    this.properties = properties;
  }

  @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
  String portal() {
    Map<String, Map<EditionFormat, EditionPublished>> books = new TreeMap<>();
    for (EditionPublished e : catalog.all()) {
      books.computeIfAbsent(e.bookId(), b -> new LinkedHashMap<>()).putIfAbsent(e.format(), e);
    }
    StringBuilder html = new StringBuilder(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Galley editions</title>"
            + "<style>body{font-family:sans-serif;margin:2em auto;max-width:50em}td,th{padding:.3em .8em;"
            + "text-align:left}</style></head><body><h1>Galley editions</h1>\n");
    if (books.isEmpty()) {
      html.append("<p>No editions have been built yet.</p>\n");
    } else {
      html.append("<table><thead><tr><th>Book</th><th>Commit</th><th>Editions</th></tr></thead><tbody>\n");
      books.forEach((book, editions) -> html.append(row(book, editions)));
      html.append("</tbody></table>\n<p><a href=\"/api/editions\">All editions (JSON)</a></p>\n");
    }
    return html.append("</body></html>\n").toString();
  }

  private String row(String book, Map<EditionFormat, EditionPublished> editions) {
    String b = HtmlUtils.htmlEscape(book);
    String commit = editions.values().iterator().next().commit();
    StringBuilder links = new StringBuilder();
    for (EditionFormat format : List.of(EditionFormat.HTML, EditionFormat.PDF, EditionFormat.EPUB)) {
      EditionPublished e = editions.get(format);
      if (e == null) {
        continue;
      }
      String href = switch (format) {
        case HTML -> e.downloadPath().startsWith("http") ? e.downloadPath() : properties.siteBaseUrl() + e.downloadPath();
        case PDF -> "/books/" + b + "/latest.pdf";
        case EPUB -> "/books/" + b + "/latest.epub";
      };
      links.append("<a href=\"").append(HtmlUtils.htmlEscape(href)).append("\">").append(format).append("</a> ");
    }
    return "<tr><td>" + b + "</td><td><code>" + HtmlUtils.htmlEscape(commit.substring(0, Math.min(7, commit.length())))
        + "</code></td><td>" + links.toString().trim() + "</td></tr>\n";
  }
}
