package io.galley.export.edition;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Turns legacy {@code align} attributes (GFM table cells) into CSS, allowing only the legal values:
 * anything else is dropped, so an attribute value never becomes CSS of its own (a {@code
 * background:url(...)} a reading system would fetch).
 */
public final class Alignment {

  private static final Set<String> LEGAL = Set.of("left", "center", "right", "justify");

  private Alignment() {}

  /** The CSS {@code text-align} value for an {@code align} attribute value, if it is legal. */
  public static Optional<String> textAlign(String align) {
    String value = align == null ? "" : align.strip().toLowerCase(Locale.ROOT);
    return LEGAL.contains(value) ? Optional.of(value) : Optional.empty();
  }

  /**
   * Replaces every {@code align} attribute under {@code root} by a {@code style} holding only its
   * legal {@code text-align}, replacing any style the element had.
   */
  public static void toStyle(Element root) {
    for (Element e : root.select("[align]")) {
      Optional<String> value = textAlign(e.attr("align"));
      e.removeAttr("align");
      e.removeAttr("style");
      value.ifPresent(v -> e.attr("style", "text-align: " + v));
    }
  }
}
