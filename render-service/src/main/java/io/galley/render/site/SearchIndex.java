package io.galley.render.site;

import io.galley.events.EventJson;
import io.galley.events.RenderedChapter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
    return of(c, Jsoup.parseBodyFragment(c.xhtml()));
  }

  /** The entries of one chapter's sections, from its fragment parsed (and not yet changed). */
  static List<Entry> of(RenderedChapter c, Document fragment) {
    List<Entry> entries = new ArrayList<>();
    String page = SiteLinks.link("index.html", SiteLinks.pagePath(c.docId()));
    String title = c.title();
    String anchor = "";
    StringBuilder text = new StringBuilder();
    for (Element e : fragment.body().children()) {
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

  /**
   * A chapter's entries as the elements of the search index's JSON array (no brackets), for {@code
   * search-index.json} and, with {@code </} escaped, {@code search-index.js} (null when the same).
   */
  record Chunk(byte[] json, byte[] script) {

    static Chunk of(List<Entry> entries) {
      String array = SearchIndex.json(entries);
      String elements = array.substring(1, array.length() - 1);
      String escaped = escape(elements);
      return new Chunk(
          elements.getBytes(StandardCharsets.UTF_8),
          escaped.equals(elements) ? null : escaped.getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * Writes {@code search-index.json} and {@code search-index.js} from the chapters' chunks, the
   * same bytes as {@link #json} and {@link #script} of all their entries.
   */
  static void write(Path json, Path script, List<Chunk> chunks) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(json), 1 << 16)) {
      writeArray(out, chunks, false);
    }
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(script), 1 << 16)) {
      out.write(SCRIPT_START);
      writeArray(out, chunks, true);
      out.write(SCRIPT_END);
    }
  }

  private static void writeArray(OutputStream out, List<Chunk> chunks, boolean script)
      throws IOException {
    out.write('[');
    boolean first = true;
    for (Chunk c : chunks) {
      byte[] bytes = script && c.script() != null ? c.script() : c.json();
      if (bytes.length > 0) {
        if (!first) {
          out.write(',');
        }
        out.write(bytes);
        first = false;
      }
    }
    out.write(']');
  }

  private static final byte[] SCRIPT_START =
      "window.galleySearchIndex = ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SCRIPT_END = ";\n".getBytes(StandardCharsets.US_ASCII);

  private static String escape(String json) {
    return json.replace("</", "<\\/");
  }

  static String json(List<Entry> entries) {
    return EventJson.mapper().writeValueAsString(entries);
  }

  static String script(String json) {
    return "window.galleySearchIndex = " + escape(json) + ";\n";
  }
}
