package io.galley.export.portal;

import io.galley.events.EditionFormat;
import io.galley.export.history.CommitEntry;
import io.galley.export.history.FormatState;
import io.galley.export.history.FormatStatus;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One row of a book's edition history (template {@code row.jte}): a commit, the state of each
 * format and the link to compare it with the accepted commit before it ({@code previous}, if any).
 */
record HistoryRow(CommitEntry commit, List<Cell> cells, CommitEntry previous) {

  static HistoryRow of(CommitEntry c, Optional<CommitEntry> previous, String siteBaseUrl) {
    List<Cell> cells =
        PortalPage.FORMATS.stream()
            .map(f -> new Cell(f, c.status(f).orElse(null), href(c, f, siteBaseUrl)))
            .toList();
    return new HistoryRow(c, cells, c.manifest() == null ? null : previous.orElse(null));
  }

  String slug() {
    return Html.slug(commit.bookId());
  }

  /** The commit time for the page's script, empty when unknown. */
  String time() {
    return commit.committedAt() == null ? "" : commit.committedAt().toString();
  }

  String author() {
    return authorName(commit.author());
  }

  /** The comparison with the previous accepted commit, null when there is none. */
  String compare() {
    return previous == null
        ? null
        : Html.diffLink(commit.bookId(), previous.commit(), commit.commit(), null);
  }

  /** One format's state in this commit ({@code status} null when not known yet). */
  record Cell(EditionFormat format, FormatStatus status, String href) {

    FormatState state() {
      return status == null ? null : status.state();
    }

    String icon() {
      return HistoryRow.icon(status.state());
    }

    /** The edition's link once published, else null. */
    String link() {
      return status != null && status.state() == FormatState.PUBLISHED ? href : null;
    }

    /** Why the build failed, else null. */
    String error() {
      return status != null && status.state() == FormatState.FAILED ? status.error() : null;
    }
  }

  private static String href(CommitEntry c, EditionFormat format, String siteBaseUrl) {
    Optional<FormatStatus> status = c.status(format);
    if (status.isEmpty() || status.get().edition() == null) {
      return null;
    }
    if (status.get().edition().format() == EditionFormat.HTML) {
      return siteBaseUrl + "/books/" + Html.encoded(c.bookId()) + "/@" + c.commit() + "/";
    }
    return status.get().edition().downloadPath();
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
