package io.galley.render.site;

import io.galley.events.EventJson;
import io.galley.events.RenderedChapter;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * The site's full-text search index: one entry per chapter section (title, URL relative to the site
 * root, plain text), written as {@code search-index.json} and as a script that works from files.
 */
final class SearchIndex {

  private static final int MAX_TEXT = 4000;

  /** One searchable section. */
  record Entry(String t, String u, String x) {}

  private SearchIndex() {}

  /** What a chapter's entries are computed from. */
  record Source(String docId, String title, String xhtml) {
    static Source of(RenderedChapter c) {
      return new Source(c.docId(), c.title(), c.xhtml());
    }
  }

  static List<Entry> of(List<RenderedChapter> chapters) {
    List<Entry> entries = new ArrayList<>();
    chapters.forEach(c -> entries.addAll(of(c)));
    return entries;
  }

  /** The entries of one chapter's sections. */
  static List<Entry> of(RenderedChapter c) {
    List<Entry> entries = new ArrayList<>();
    String page = SiteLinks.link("index.html", SiteLinks.pagePath(c.docId()));
    String title = c.title();
    String anchor = "";
    StringBuilder text = new StringBuilder();
    for (Element e : Jsoup.parseBodyFragment(c.xhtml()).body().children()) {
      if (e.normalName().matches("h[1-3]")) {
        add(entries, title, page + anchor, text);
        title = e.normalName().equals("h1") ? c.title() : c.title() + " › " + e.text();
        anchor = "#" + e.id();
        text.setLength(0);
      } else {
        text.append(e.text()).append(' ');
      }
    }
    add(entries, title, page + anchor, text);
    return entries;
  }

  private static void add(List<Entry> entries, String title, String url, StringBuilder text) {
    String x = text.toString().strip();
    if (x.isEmpty() && !url.contains("#")) {
      return; // nothing before the first heading
    }
    entries.add(new Entry(title, url, x.length() > MAX_TEXT ? x.substring(0, MAX_TEXT) : x));
  }

  static String json(List<Entry> entries) {
    return EventJson.mapper().writeValueAsString(entries);
  }

  static String script(String json) {
    return "window.galleySearchIndex = " + json.replace("</", "<\\/") + ";\n";
  }
}
