package io.galley.export.portal;

import static io.galley.export.portal.Html.esc;
import static io.galley.export.portal.Html.param;
import static io.galley.export.portal.Html.seg;

import io.galley.export.diff.ChapterChange;
import io.galley.export.diff.DiffBudget;
import io.galley.export.diff.EditionComparison;
import io.galley.export.history.CommitEntry;
import java.util.List;
import org.springframework.stereotype.Component;

/** Renders the comparison of two editions: a chapter summary and readable text diffs. */
@Component
class DiffPage {

  static final int MAX_TEXT_DIFFS = 20;

  private final ChapterDiffs diffs;
  private final PortalPage portal;

  DiffPage(ChapterDiffs diffs, PortalPage portal) {
    this.diffs = diffs;
    this.portal = portal;
  }

  String render(
      String bookId, CommitEntry from, CommitEntry to, String doc, List<CommitEntry> accepted) {
    EditionComparison comparison = EditionComparison.of(from.manifest(), to.manifest());
    StringBuilder html = new StringBuilder(Html.head("Changes in " + portal.title(bookId)));
    html.append(breadcrumb(bookId))
        .append("<h1>Changes in ")
        .append(esc(portal.title(bookId)))
        .append("</h1>\n")
        .append("<p class=\"lead\">From ")
        .append(commit(from))
        .append(" to ")
        .append(commit(to))
        .append(".</p>\n")
        .append(form(bookId, from, to, accepted))
        .append(summary(bookId, comparison, from, to));
    List<ChapterChange> shown =
        doc == null
            ? comparison.chapters().stream()
                .filter(c -> c.kind() != ChapterChange.Kind.UNCHANGED)
                .limit(MAX_TEXT_DIFFS)
                .toList()
            : comparison.chapter(doc).stream().toList();
    if (doc != null && shown.isEmpty()) {
      html.append("<p class=\"notice\" role=\"alert\">Neither edition has a chapter “")
          .append(esc(doc))
          .append("”.</p>\n");
    }
    if (!shown.isEmpty()) {
      html.append("<h2 id=\"text-changes\">Text changes</h2>\n");
      DiffBudget budget = diffs.budget();
      shown.forEach(c -> html.append(chapter(bookId, c, budget)));
    }
    return html.append(Html.foot()).toString();
  }

  String nothingToCompare(String bookId, CommitEntry only, List<CommitEntry> accepted) {
    return Html.head("Changes in " + portal.title(bookId))
        + breadcrumb(bookId)
        + "<h1>Changes in "
        + esc(portal.title(bookId))
        + "</h1>\n<p>"
        + commit(only)
        + " is the first accepted commit of this book: "
        + "there is no earlier edition to compare it with.</p>\n"
        + Html.foot();
  }

  String busy(String bookId) {
    return Html.head("Busy")
        + breadcrumb(bookId)
        + "<h1>Busy</h1>\n<p>Other comparisons are being computed; try again in a few seconds.</p>\n"
        + Html.foot();
  }

  String notFound(String bookId, String message) {
    return Html.head("Not found")
        + breadcrumb(bookId)
        + "<h1>Not found</h1>\n<p>"
        + esc(message)
        + "</p>\n"
        + "<p><a href=\"/\">Back to the editions</a></p>\n"
        + Html.foot();
  }

  private String summary(
      String bookId, EditionComparison comparison, CommitEntry from, CommitEntry to) {
    int added = comparison.of(ChapterChange.Kind.ADDED).size();
    int removed = comparison.of(ChapterChange.Kind.REMOVED).size();
    int changed = comparison.of(ChapterChange.Kind.CHANGED).size();
    int same = comparison.of(ChapterChange.Kind.UNCHANGED).size();
    StringBuilder html =
        new StringBuilder("<h2 id=\"chapters\">Chapters</h2>\n<p class=\"counts\">")
            .append(count(changed, "changed"))
            .append(", ")
            .append(count(added, "added"))
            .append(", ")
            .append(count(removed, "removed"))
            .append(", ")
            .append(count(same, "unchanged"))
            .append(".")
            .append(comparison.reordered() ? " The chapter order changed." : "")
            .append("</p>\n");
    html.append(
            "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"chapters\" tabindex=\"0\">")
        .append(
            "<table class=\"chapters\">\n<caption class=\"visually-hidden\">Chapters of both editions</caption>\n")
        .append(
            "<thead><tr><th scope=\"col\">Chapter</th><th scope=\"col\">Change</th><th scope=\"col\">Details</th>")
        .append("</tr></thead>\n<tbody>\n");
    for (ChapterChange c : comparison.chapters()) {
      if (c.kind() == ChapterChange.Kind.UNCHANGED) {
        continue;
      }
      html.append("<tr class=\"")
          .append(c.kind().name().toLowerCase())
          .append("\"><th scope=\"row\">")
          .append(esc(c.title()))
          .append(" <code>")
          .append(esc(c.docId()))
          .append("</code></th><td>")
          .append(kind(c))
          .append("</td><td>")
          .append(details(c))
          .append(" <a href=\"/books/")
          .append(seg(bookId))
          .append("/diff?from=")
          .append(param(from.commit()))
          .append("&amp;to=")
          .append(param(to.commit()))
          .append("&amp;doc=")
          .append(param(c.docId()))
          .append("#text-changes\">text changes<span class=\"visually-hidden\"> in ")
          .append(esc(c.title()))
          .append("</span></a></td></tr>\n");
    }
    if (same > 0) {
      html.append("<tr class=\"unchanged\"><th scope=\"row\">")
          .append(same == 1 ? "1 other chapter" : same + " other chapters")
          .append("</th><td>unchanged</td><td>")
          .append(
              esc(
                  String.join(
                      ", ",
                      comparison.of(ChapterChange.Kind.UNCHANGED).stream()
                          .map(ChapterChange::title)
                          .toList())))
          .append("</td></tr>\n");
    }
    return html.append("</tbody></table></div>\n").toString();
  }

  private String chapter(String bookId, ChapterChange c, DiffBudget budget) {
    StringBuilder html =
        new StringBuilder("<section class=\"chapter-diff\" aria-labelledby=\"d-")
            .append(Html.slug(c.docId()))
            .append("\"><h3 id=\"d-")
            .append(Html.slug(c.docId()))
            .append("\">")
            .append(esc(c.title()))
            .append(" <code>")
            .append(esc(c.docId()))
            .append("</code> <span class=\"tag tag-")
            .append(c.kind().name().toLowerCase())
            .append("\">")
            .append(kind(c))
            .append("</span></h3>\n");
    if (c.titleChanged()) {
      html.append("<p>Title: <del>")
          .append(esc(c.before().title()))
          .append("</del> → <ins>")
          .append(esc(c.after().title()))
          .append("</ins></p>\n");
    }
    return html.append(diffs.body(bookId, c, budget)).append("</section>\n").toString();
  }

  private static String form(
      String bookId, CommitEntry from, CommitEntry to, List<CommitEntry> accepted) {
    StringBuilder html =
        new StringBuilder("<form class=\"compare\" method=\"get\" action=\"/books/")
            .append(seg(bookId))
            .append(
                "/diff\">\n<div><label for=\"from\">Older edition</label><select id=\"from\" name=\"from\">");
    accepted.forEach(c -> html.append(option(c, from)));
    html.append(
        "</select></div>\n<div><label for=\"to\">Newer edition</label><select id=\"to\" name=\"to\">");
    accepted.forEach(c -> html.append(option(c, to)));
    return html.append(
            "</select></div>\n<div><button type=\"submit\">Compare</button></div>\n</form>\n")
        .toString();
  }

  private static String option(CommitEntry c, CommitEntry selected) {
    return "<option value=\""
        + esc(c.commit())
        + "\""
        + (c.commit().equals(selected.commit()) ? " selected" : "")
        + ">"
        + esc(c.shortCommit() + " – " + c.subject())
        + "</option>";
  }

  private static String commit(CommitEntry c) {
    return "<code>"
        + esc(c.shortCommit())
        + "</code> “"
        + esc(c.subject())
        + "” ("
        + esc(HistoryRow.authorName(c.author()))
        + ", "
        + Html.time(c.committedAt())
        + ")";
  }

  private static String breadcrumb(String bookId) {
    return "<nav aria-label=\"Breadcrumb\" class=\"breadcrumb\"><ol><li><a href=\"/\">Editions</a></li><li><a href=\""
        + PortalPage.bookLink(bookId)
        + "\">"
        + esc(bookId)
        + "</a></li><li aria-current=\"page\">Changes</li></ol></nav>\n";
  }

  private static String kind(ChapterChange c) {
    return switch (c.kind()) {
      case ADDED -> "added";
      case REMOVED -> "removed";
      case UNCHANGED -> "unchanged";
      case CHANGED ->
          c.sourceChanged() && c.titleChanged()
              ? "changed, new title"
              : c.titleChanged() ? "title changed" : "changed";
    };
  }

  private static String details(ChapterChange c) {
    return c.titleChanged()
        ? "“" + esc(c.before().title()) + "” → “" + esc(c.after().title()) + "”."
        : "";
  }

  private static String count(int n, String what) {
    return n + " " + (n == 1 ? "chapter " : "chapters ") + what;
  }
}
