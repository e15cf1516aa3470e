package io.galley.render.site;

import io.galley.events.Digests;
import io.galley.events.EventJson;
import io.galley.events.RenderedChapter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The site's full-text search index: one entry per chapter section (title, URL relative to the site
 * root, plain text), in one script per chapter (a shard) and a list of the shards, scripts so that
 * search works from files as well as from a server.
 */
final class SearchIndex {

  private static final int MAX_TEXT = 4000;

  /** The folder of the shards, relative to the site root. */
  static final String SHARDS = "search";

  /** The shard list's file, relative to the site root. */
  static final String LIST = "search-index.js";

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
   * A chapter's entries as one shard of the search index: a script that hands them to {@code
   * galleySearchShard(name, entries)}, named by the digest of the entries' JSON, so the same
   * entries are the same file under the same name in every site of the book (and an unchanged
   * chapter's shard is linked from the last site, not written or stored again).
   *
   * @param name the shard's name, {@code null} for a chapter with no entries (no shard)
   */
  record Chunk(String name, byte[] script) {

    static Chunk of(List<Entry> entries) {
      if (entries.isEmpty()) {
        return new Chunk(null, null);
      }
      String json = SearchIndex.json(entries);
      String name = Digests.sha256Hex(json.getBytes(StandardCharsets.UTF_8));
      String script = "galleySearchShard(\"" + name + "\", " + escape(json) + ");\n";
      return new Chunk(name, script.getBytes(StandardCharsets.UTF_8));
    }

    /** The shard's path relative to the site root. */
    String path() {
      return shardPath(name);
    }
  }

  /** The path of shard {@code name} relative to the site root. */
  static String shardPath(String name) {
    return SHARDS + "/" + name + ".js";
  }

  /**
   * Writes {@code search-index.js}, the list of the chapters' shard names in reading order (each
   * once); the reader's browser loads it, then the shards, when a search starts. Returns the bytes
   * written.
   */
  static byte[] writeList(Path script, List<Chunk> chunks) throws IOException {
    Set<String> names = new LinkedHashSet<>();
    chunks.stream().map(Chunk::name).filter(Objects::nonNull).forEach(names::add);
    byte[] bytes =
        ("window.galleySearchShards = " + EventJson.mapper().writeValueAsString(names) + ";\n")
            .getBytes(StandardCharsets.UTF_8);
    Files.write(script, bytes);
    return bytes;
  }

  private static String escape(String json) {
    return json.replace("</", "<\\/");
  }

  static String json(List<Entry> entries) {
    return EventJson.mapper().writeValueAsString(entries);
  }
}
