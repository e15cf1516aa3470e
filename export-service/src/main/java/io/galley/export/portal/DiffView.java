package io.galley.export.portal;

import io.galley.export.diff.ChapterChange;
import io.galley.export.diff.EditionComparison;
import io.galley.export.history.CommitEntry;
import java.util.List;
import java.util.Locale;

/**
 * What the diff page (template {@code diff.jte}) shows: two editions of a book, their chapters and
 * the text diffs of the chapters {@code shown}; {@code missingDoc} names a chapter asked for that
 * neither edition has.
 */
record DiffView(
    String bookId,
    String title,
    CommitEntry from,
    CommitEntry to,
    List<CommitEntry> accepted,
    EditionComparison comparison,
    String missingDoc,
    List<Shown> shown) {

  /** One chapter's text diff, as its template wrote it (or as cached). */
  record Shown(ChapterChange change, Templates.Fragment body) {}

  List<ChapterChange> changed() {
    return comparison.chapters().stream()
        .filter(c -> c.kind() != ChapterChange.Kind.UNCHANGED)
        .toList();
  }

  List<String> unchanged() {
    return comparison.of(ChapterChange.Kind.UNCHANGED).stream().map(ChapterChange::title).toList();
  }

  String counts() {
    return count(comparison.of(ChapterChange.Kind.CHANGED).size(), "changed")
        + ", "
        + count(comparison.of(ChapterChange.Kind.ADDED).size(), "added")
        + ", "
        + count(comparison.of(ChapterChange.Kind.REMOVED).size(), "removed")
        + ", "
        + count(comparison.of(ChapterChange.Kind.UNCHANGED).size(), "unchanged")
        + "."
        + (comparison.reordered() ? " The chapter order changed." : "");
  }

  /** The link to this comparison narrowed to one chapter. */
  String link(ChapterChange c) {
    return Html.diffLink(bookId, from.commit(), to.commit(), c.docId());
  }

  static String token(ChapterChange c) {
    return c.kind().name().toLowerCase(Locale.ROOT);
  }

  static String kind(ChapterChange c) {
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

  static String details(ChapterChange c) {
    return c.titleChanged() ? "“" + c.before().title() + "” → “" + c.after().title() + "”." : "";
  }

  private static String count(int n, String what) {
    return n + " " + (n == 1 ? "chapter " : "chapters ") + what;
  }
}
