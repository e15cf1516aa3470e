package io.galley.export.portal;

import io.galley.export.diff.ChapterChange;
import io.galley.export.diff.DiffBudget;
import io.galley.export.diff.EditionComparison;
import io.galley.export.history.CommitEntry;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Renders the comparison of two editions (template {@code diff.jte}): a chapter summary and
 * readable text diffs; and the pages that say why there is none ({@code message.jte}).
 */
@Component
class DiffPage {

  static final int MAX_TEXT_DIFFS = 20;

  private final ChapterDiffs diffs;
  private final PortalPage portal;

  DiffPage(ChapterDiffs diffs, PortalPage portal) {
    this.diffs = diffs;
    this.portal = portal;
  }

  /** A page that says why there is no comparison; {@code first} is a book's only edition. */
  record Message(String bookId, String title, String text, CommitEntry first, boolean back) {}

  String render(
      String bookId, CommitEntry from, CommitEntry to, String doc, List<CommitEntry> accepted) {
    EditionComparison comparison = EditionComparison.of(from.manifest(), to.manifest());
    List<ChapterChange> shown =
        doc == null
            ? comparison.chapters().stream()
                .filter(c -> c.kind() != ChapterChange.Kind.UNCHANGED)
                .limit(MAX_TEXT_DIFFS)
                .toList()
            : comparison.chapter(doc).stream().toList();
    DiffBudget budget = diffs.budget();
    return Templates.render(
        "diff.jte",
        new DiffView(
            bookId,
            portal.title(bookId),
            from,
            to,
            accepted,
            comparison,
            doc != null && shown.isEmpty() ? doc : null,
            shown.stream()
                .map(c -> new DiffView.Shown(c, diffs.body(bookId, c, budget)))
                .toList()));
  }

  String nothingToCompare(String bookId, CommitEntry only, List<CommitEntry> accepted) {
    return Templates.render(
        "message.jte",
        new Message(bookId, "Changes in " + portal.title(bookId), null, only, false));
  }

  String busy(String bookId) {
    return Templates.render(
        "message.jte",
        new Message(
            bookId,
            "Busy",
            "Other comparisons are being computed; try again in a few seconds.",
            null,
            false));
  }

  String notFound(String bookId, String message) {
    return Templates.render("message.jte", new Message(bookId, "Not found", message, null, true));
  }
}
