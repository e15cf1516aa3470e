package io.galley.export.portal;

import java.util.List;

/** One book's part of the portal: its latest editions and its newest commits of all it has. */
record BookSection(
    String bookId, String title, LatestEditions latest, List<HistoryRow> rows, int commits) {

  String slug() {
    return Html.slug(bookId);
  }
}
