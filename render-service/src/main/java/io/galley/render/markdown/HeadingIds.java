package io.galley.render.markdown;

import io.galley.events.Heading;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/** Gives every heading a GitHub-style id, unique within the chapter ({@code -1}, {@code -2}). */
final class HeadingIds {

  /** Ids the HTML site's page chrome uses; headings never take them. */
  static final Set<String> RESERVED =
      Set.of("galley-content", "galley-outline-title", "galley-search");

  private HeadingIds() {}

  /** Sets the ids on the headings under {@code root} and returns them in document order. */
  static List<Heading> assign(Element root) {
    Set<String> used = new HashSet<>(RESERVED);
    for (Element e : root.select("[id]")) {
      if (!e.normalName().matches("h[1-6]")) {
        used.add(e.id());
      }
    }
    List<Heading> headings = new ArrayList<>();
    // the next suffix to try per base: without it, n headings with one slug probe 1 + 2 + ... + n
    // ids (800 KB of "# a" lines took minutes); with it every probe but the last is of a new suffix
    Map<String, Integer> nextSuffix = new HashMap<>();
    for (Element h : root.select("h1, h2, h3, h4, h5, h6")) {
      String text = h.text().strip();
      String base = slug(text);
      String id = base;
      if (used.contains(id)) {
        int n = nextSuffix.getOrDefault(base, 1);
        while (used.contains(base + "-" + n)) {
          n++;
        }
        id = base + "-" + n;
        nextSuffix.put(base, n + 1);
      }
      used.add(id);
      h.attr("id", id);
      headings.add(new Heading(h.normalName().charAt(1) - '0', id, text));
    }
    return headings;
  }

  /** GitHub's slug: lower case, punctuation dropped, spaces to hyphens. */
  static String slug(String text) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp) || cp == '-' || cp == '_') {
        s.appendCodePoint(Character.toLowerCase(cp));
      } else if (cp == ' ') {
        s.append('-');
      }
    }
    String slug = s.toString().toLowerCase(Locale.ROOT);
    return slug.isEmpty() ? "section" : slug;
  }
}
