package io.galley.render.markdown;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * Keeps the enumerated and numeric attributes the sanitiser allows to their legal values, so that
 * nothing later (the EPUB's and PDF's {@code align} to CSS, for one) is handed anything else:
 * {@code align="left;background:url(...)"} is dropped, not carried into a style.
 */
final class AttributeValues {

  private static final Set<String> ALIGN = Set.of("left", "center", "right", "justify", "char");
  private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");
  private static final Pattern LANG = Pattern.compile("[a-z]{1,8}(-[a-z0-9]{1,8}){0,4}");
  private static final Map<String, Set<String>> ENUMERATED =
      Map.of(
          "align", ALIGN,
          "dir", Set.of("ltr", "rtl", "auto"),
          "type", Set.of("checkbox"),
          "checked", Set.of("", "checked"),
          "disabled", Set.of("", "disabled"),
          "open", Set.of("", "open"));
  private static final Set<String> NUMERIC =
      Set.of("colspan", "rowspan", "start", "span", "width", "height");

  private AttributeValues() {}

  /** Drops the attributes under {@code root} whose value is not legal; normalises the rest. */
  static void limit(Element root) {
    for (Element e : root.getAllElements()) {
      for (Attribute a : e.attributes().asList()) {
        String name = a.getKey();
        String value = a.getValue().strip().toLowerCase(Locale.ROOT);
        boolean legal;
        if (ENUMERATED.containsKey(name)) {
          legal = ENUMERATED.get(name).contains(value);
        } else if (NUMERIC.contains(name)) {
          legal = NUMBER.matcher(value).matches();
        } else if (name.equals("lang")) {
          legal = LANG.matcher(value).matches();
        } else {
          continue;
        }
        if (legal) {
          e.attr(name, value);
        } else {
          e.removeAttr(name);
        }
      }
    }
  }
}
