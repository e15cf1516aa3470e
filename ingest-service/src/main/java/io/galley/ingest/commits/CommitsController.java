package io.galley.ingest.commits;

import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.ingest.IngestProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What ingest decided ({@code GET /api/commits[?limit=&offset=]}, newest first, a page of at most
 * {@code galley.ingest.api-max-page}) and which books it follows ({@code GET /api/books}).
 */
@RestController
class CommitsController {

  private final CommitLog log;
  private final BookDirectory books;
  private final int maxPage;

  CommitsController(CommitLog log, BookDirectory books, IngestProperties properties) {
    this.log = log;
    this.books = books;
    this.maxPage = properties.apiMaxPage();
  }

  @GetMapping("/api/commits")
  List<CommitView> commits(
      @RequestParam(name = "limit", required = false) Integer limit,
      @RequestParam(name = "offset", required = false) Integer offset) {
    int size = limit == null ? maxPage : Math.max(1, Math.min(limit, maxPage));
    return log.newestFirst(offset == null ? 0 : Math.max(0, offset), size).stream()
        .map(CommitView::of)
        .toList();
  }

  @GetMapping("/api/books")
  List<BookView> books() {
    List<BookView> out = new ArrayList<>();
    for (Map.Entry<String, String> book : books.folders().entrySet()) {
      String bookId = book.getValue();
      CommitIngested manifest = log.lastManifest(bookId).orElse(null);
      out.add(
          new BookView(
              bookId,
              book.getKey(),
              manifest == null ? null : manifest.book().title(),
              manifest == null ? null : manifest.commit(),
              manifest == null ? List.of() : manifest.chapters()));
    }
    return out;
  }

  /**
   * A book as {@code GET /api/books} shows it.
   *
   * @param bookId the bookId
   * @param folder the folder in the repository ("" = root)
   * @param title the title at the last ingested commit, or null
   * @param commit the last ingested commit, or null
   * @param chapters the chapters in reading order at that commit
   */
  record BookView(
      String bookId, String folder, String title, String commit, List<ChapterEntry> chapters) {}
}
