package io.galley.export.portal;

import static io.galley.export.portal.Html.esc;
import static io.galley.export.portal.Html.param;
import static io.galley.export.portal.Html.seg;

import io.galley.events.EditionFormat;
import io.galley.events.Problem;
import io.galley.export.history.CommitEntry;
import io.galley.export.history.FormatState;
import io.galley.export.history.FormatStatus;
import java.util.Locale;
import java.util.Optional;

/** One row of a book's edition history: a commit and the state of each format. */
final class HistoryRow {

  private final String siteBaseUrl;

  HistoryRow(String siteBaseUrl) {
    this.siteBaseUrl = siteBaseUrl;
  }

  String render(CommitEntry c, Optional<CommitEntry> previous) {
    StringBuilder html = new StringBuilder();
    html.append("<tr id=\"c-")
        .append(Html.slug(c.bookId()))
        .append('-')
        .append(esc(c.commit()))
        .append("\" data-commit=\"")
        .append(esc(c.commit()))
        .append("\" data-time=\"")
        .append(c.committedAt() == null ? "" : c.committedAt().toString())
        .append("\" class=\"")
        .append(c.rejected() ? "rejected" : "accepted")
        .append("\">");
    html.append("<th scope=\"row\" data-label=\"Commit\"><code title=\"")
        .append(esc(c.commit()))
        .append("\">")
        .append(esc(c.shortCommit()))
        .append("</code></th>");
    html.append("<td data-label=\"Author\">").append(esc(authorName(c.author()))).append("</td>");
    html.append("<td data-label=\"Message\" class=\"message\">").append(esc(c.subject()));
    if (c.rejected()) {
      html.append("<ul class=\"problems\" aria-label=\"Problems that rejected this commit\">");
      for (Problem p : c.problems()) {
        html.append("<li><code>").append(esc(p.toString())).append("</code></li>");
      }
      html.append("</ul>");
    }
    html.append("</td>");
    html.append("<td data-label=\"Time\">").append(Html.time(c.committedAt())).append("</td>");
    for (EditionFormat format : PortalPage.FORMATS) {
      html.append("<td data-label=\"")
          .append(format)
          .append("\" data-format=\"")
          .append(format)
          .append("\">")
          .append(state(c, format))
          .append("</td>");
    }
    html.append("<td data-label=\"Changes\">").append(compare(c, previous)).append("</td></tr>\n");
    return html.toString();
  }

  private String state(CommitEntry c, EditionFormat format) {
    Optional<FormatStatus> status = c.status(format);
    if (status.isEmpty()) {
      return "<span class=\"state state-none\">not yet known</span>";
    }
    FormatState state = status.get().state();
    StringBuilder html =
        new StringBuilder("<span class=\"state state-")
            .append(state.token())
            .append("\">")
            .append("<span class=\"icon\" aria-hidden=\"true\">")
            .append(icon(state))
            .append("</span> ")
            .append(esc(state.label()))
            .append("</span>");
    if (state == FormatState.PUBLISHED) {
      html.append(" <a class=\"get\" href=\"")
          .append(esc(href(c, status.get())))
          .append("\">")
          .append(format == EditionFormat.HTML ? "open" : "download")
          .append("<span class=\"visually-hidden\"> ")
          .append(format)
          .append(" of ")
          .append(esc(c.shortCommit()))
          .append("</span></a>");
    } else if (state == FormatState.FAILED && status.get().error() != null) {
      html.append("<details class=\"error\"><summary>Why<span class=\"visually-hidden\"> ")
          .append(format)
          .append(" failed</span></summary><code>")
          .append(esc(status.get().error()))
          .append("</code></details>");
    }
    return html.toString();
  }

  private String href(CommitEntry c, FormatStatus status) {
    if (status.edition().format() == EditionFormat.HTML) {
      return siteBaseUrl + "/books/" + Html.encoded(c.bookId()) + "/@" + c.commit() + "/";
    }
    return status.edition().downloadPath();
  }

  private static String compare(CommitEntry c, Optional<CommitEntry> previous) {
    if (c.manifest() == null || previous.isEmpty()) {
      return "<span class=\"muted\">—</span>";
    }
    CommitEntry p = previous.get();
    return "<a href=\"/books/"
        + seg(c.bookId())
        + "/diff?from="
        + param(p.commit())
        + "&amp;to="
        + param(c.commit())
        + "\">compare with previous<span class=\"visually-hidden\"> ("
        + esc(p.shortCommit())
        + " to "
        + esc(c.shortCommit())
        + ")</span></a>";
  }

  static String icon(FormatState state) {
    return switch (state) {
      case QUEUED -> "◷";
      case BUILDING -> "⟳";
      case SKIPPED -> "↷";
      case PUBLISHED -> "✓";
      case FAILED -> "✗";
      case REJECTED -> "⊘";
    };
  }

  /** {@code Ada <ada@example.org>} shows as {@code Ada}. */
  static String authorName(String author) {
    int lt = author.indexOf('<');
    String name = lt > 0 ? author.substring(0, lt).strip() : author.strip();
    return name.isEmpty() ? author.toLowerCase(Locale.ROOT) : name;
  }
}
