package io.galley.export.epub;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * Defence in depth for the EPUB: render already sanitises fragments, but whatever reaches the
 * rendered topic goes into a file readers open, so a chapter loses anything executable (scripts,
 * event handlers, {@code javascript:} URLs) and every reference a reading system would fetch from
 * outside the book (links, styles, frames, objects, non-local {@code src}/{@code href}).
 */
final class UnsafeMarkupFilter {

  private static final String UNSAFE_ELEMENTS =
      "script, style, link, meta, base, iframe, frame, "
          + "frameset, object, embed, applet, form, audio, video, source, track, template, portal";
  private static final Set<String> URL_ATTRIBUTES =
      Set.of(
          "href",
          "src",
          "xlink:href",
          "cite",
          "action",
          "formaction",
          "poster",
          "data",
          "background");
  private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto", "doc", "asset");

  private UnsafeMarkupFilter() {}

  /** Removes unsafe elements and attributes from {@code root} in place. */
  static void strip(Element root) {
    root.select(UNSAFE_ELEMENTS).remove();
    for (Element e : root.getAllElements()) {
      List<String> drop = new ArrayList<>();
      for (Attribute a : e.attributes()) {
        String name = a.getKey().toLowerCase(Locale.ROOT);
        if (name.startsWith("on")
            || name.equals("style")
            || name.equals("srcdoc")
            || name.equals("srcset")
            || URL_ATTRIBUTES.contains(name) && !allowed(e, name, a.getValue())) {
          drop.add(a.getKey());
        }
      }
      drop.forEach(e::removeAttr);
    }
  }

  /** Links may leave the book (a reader follows them on request); nothing else may. */
  private static boolean allowed(Element e, String attribute, String value) {
    String v = value.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Cntrl}]", "");
    int colon = v.indexOf(':');
    // browsers read /\host like //host (found by fuzzing)
    boolean relative =
        !v.startsWith("//")
            && !v.startsWith("\\")
            && !v.startsWith("/\\")
            && (colon < 0 || v.indexOf('/') >= 0 && v.indexOf('/') < colon);
    if (e.normalName().equals("a") && attribute.equals("href")) {
      // colon < 0 here is //host or \\host: it threw before (found by fuzzing)
      return relative || colon >= 0 && LINK_SCHEMES.contains(v.substring(0, colon));
    }
    return relative || v.startsWith("asset:");
  }
}
