package io.galley.export.portal;

import static io.galley.export.portal.Html.esc;

import io.galley.export.diff.Edit;
import io.galley.export.diff.TextDiff;
import java.util.List;

/**
 * A chapter's text diff as an accessible table: block numbers, a visible {@code +}/{@code −} marker
 * with a spoken word, and {@code <ins>}/{@code <del>} (underlined and struck through, not colour
 * alone). Long unchanged stretches fold to a line saying how many blocks are hidden.
 */
final class TextDiffTable {

  static final int CONTEXT = 2;

  private TextDiffTable() {}

  static String render(String caption, List<TextDiff.Line> lines) {
    StringBuilder html =
        new StringBuilder("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"")
            .append(esc(caption))
            .append("\">\n<table class=\"diff\">\n<caption>")
            .append(esc(caption))
            .append("</caption>\n<thead><tr><th scope=\"col\">Old</th><th scope=\"col\">New</th>")
            .append("<th scope=\"col\"><span class=\"visually-hidden\">Change</span></th>")
            .append("<th scope=\"col\">Text</th></tr></thead>\n<tbody>\n");
    boolean[] shown = visible(lines);
    int hidden = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (!shown[i]) {
        hidden++;
        continue;
      }
      if (hidden > 0) {
        html.append(fold(hidden));
        hidden = 0;
      }
      html.append(line(lines.get(i)));
    }
    if (hidden > 0) {
      html.append(fold(hidden));
    }
    return html.append("</tbody>\n</table>\n</div>\n").toString();
  }

  private static boolean[] visible(List<TextDiff.Line> lines) {
    boolean[] shown = new boolean[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).kind() != TextDiff.Kind.KEPT) {
        for (int j = Math.max(0, i - CONTEXT); j <= Math.min(lines.size() - 1, i + CONTEXT); j++) {
          shown[j] = true;
        }
      }
    }
    return shown;
  }

  private static String fold(int hidden) {
    return "<tr class=\"fold\"><td colspan=\"4\">⋯ "
        + hidden
        + " unchanged block"
        + (hidden == 1 ? "" : "s")
        + "</td></tr>\n";
  }

  private static String line(TextDiff.Line line) {
    String kind = line.kind().name().toLowerCase(java.util.Locale.ROOT);
    String mark =
        switch (line.kind()) {
          case KEPT ->
              "<span aria-hidden=\"true\"> </span><span class=\"visually-hidden\">unchanged</span>";
          case ADDED ->
              "<span aria-hidden=\"true\">+</span><span class=\"visually-hidden\">added</span>";
          case REMOVED ->
              "<span aria-hidden=\"true\">−</span><span class=\"visually-hidden\">removed</span>";
          case CHANGED ->
              "<span aria-hidden=\"true\">±</span><span class=\"visually-hidden\">changed</span>";
        };
    StringBuilder html =
        new StringBuilder("<tr class=\"")
            .append(kind)
            .append("\"><td class=\"num\">")
            .append(line.oldNumber() == 0 ? "" : line.oldNumber())
            .append("</td><td class=\"num\">")
            .append(line.newNumber() == 0 ? "" : line.newNumber())
            .append("</td><td class=\"mark\">")
            .append(mark)
            .append("</td><td class=\"text\">");
    for (Edit<String> segment : merge(line.segments())) {
      switch (segment.op()) {
        case KEEP -> html.append(esc(segment.item()));
        case DELETE ->
            html.append("<del><span class=\"visually-hidden\">[removed: </span>")
                .append(esc(segment.item()))
                .append("<span class=\"visually-hidden\">]</span></del>");
        case INSERT ->
            html.append("<ins><span class=\"visually-hidden\">[added: </span>")
                .append(esc(segment.item()))
                .append("<span class=\"visually-hidden\">]</span></ins>");
      }
    }
    return html.append("</td></tr>\n").toString();
  }

  /**
   * Joins neighbouring segments of the same kind, so a changed phrase is one mark, not one per
   * word.
   */
  static List<Edit<String>> merge(List<Edit<String>> segments) {
    java.util.ArrayList<Edit<String>> out = new java.util.ArrayList<>();
    for (Edit<String> s : segments) {
      if (!out.isEmpty() && out.get(out.size() - 1).op() == s.op()) {
        out.set(out.size() - 1, new Edit<>(s.op(), out.get(out.size() - 1).item() + s.item()));
      } else {
        out.add(s);
      }
    }
    return out;
  }
}
