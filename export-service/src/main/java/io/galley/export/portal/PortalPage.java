package io.galley.export.portal;

import io.galley.events.EditionFormat;
import io.galley.export.ExportProperties;
import io.galley.export.history.CommitEntry;
import io.galley.export.history.EditionHistory;
import io.galley.export.store.EditionCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The portal's front page and the parts of it that live updates replace, from the templates {@code
 * portal.jte}, {@code section.jte}, {@code latest.jte} and {@code row.jte}.
 */
@Component
class PortalPage {

  static final List<EditionFormat> FORMATS =
      List.of(EditionFormat.HTML, EditionFormat.PDF, EditionFormat.EPUB);
  static final int HISTORY_ROWS = 30;

  private final EditionHistory history;
  private final EditionCatalog catalog;
  private final String siteBaseUrl;

  PortalPage(EditionHistory history, EditionCatalog catalog, ExportProperties properties) {
    this.history = history;
    this.catalog = catalog;
    this.siteBaseUrl = properties.siteBaseUrl();
  }

  String page() {
    return Templates.render("portal.jte", books().stream().map(this::book).toList());
  }

  /** A book's section of the page, which live updates replace as a whole. */
  String section(String bookId) {
    return Templates.render("section.jte", book(bookId));
  }

  /** The history row of one commit. */
  String row(CommitEntry entry) {
    List<CommitEntry> commits = history.history(entry.bookId());
    int at = commits.indexOf(entry);
    return Templates.render(
        "row.jte",
        HistoryRow.of(
            entry,
            at < 0
                ? history.previousAccepted(entry.bookId(), entry.commit())
                : previous(commits, at),
            siteBaseUrl));
  }

  /** A book's latest editions, which live updates replace. */
  String latest(String bookId) {
    return Templates.render("latest.jte", latestEditions(bookId));
  }

  private BookSection book(String bookId) {
    List<CommitEntry> commits = history.history(bookId);
    List<HistoryRow> rows = new ArrayList<>();
    for (int i = 0; i < Math.min(commits.size(), HISTORY_ROWS); i++) {
      rows.add(HistoryRow.of(commits.get(i), previous(commits, i), siteBaseUrl));
    }
    return new BookSection(bookId, title(bookId), latestEditions(bookId), rows, commits.size());
  }

  private LatestEditions latestEditions(String bookId) {
    return new LatestEditions(
        bookId,
        FORMATS.stream()
            .map(
                f ->
                    new LatestEditions.Card(
                        bookId, f, catalog.latest(bookId, f).orElse(null), siteBaseUrl))
            .toList());
  }

  List<String> books() {
    TreeSet<String> ids = new TreeSet<>(history.books());
    catalog.all().forEach(e -> ids.add(e.bookId()));
    return new ArrayList<>(ids);
  }

  String title(String bookId) {
    return history.history(bookId).stream()
        .filter(c -> c.manifest() != null)
        .map(c -> c.manifest().book().title())
        .findFirst()
        .orElse(bookId);
  }

  private static Optional<CommitEntry> previous(List<CommitEntry> newestFirst, int index) {
    for (int i = index + 1; i < newestFirst.size(); i++) {
      if (newestFirst.get(i).manifest() != null) {
        return Optional.of(newestFirst.get(i));
      }
    }
    return Optional.empty();
  }

  static String bookLink(String bookId) {
    return "/#book-" + Html.slug(bookId);
  }
}
