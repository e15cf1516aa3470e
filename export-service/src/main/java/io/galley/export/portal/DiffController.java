package io.galley.export.portal;

import io.galley.export.ExportProperties;
import io.galley.export.diff.ChapterText;
import io.galley.export.history.CommitEntry;
import io.galley.export.history.EditionHistory;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /books/{bookId}/diff?from=<commit>&to=<commit>[&doc=<docId>]}: what changed between
 * two editions; without {@code from} and {@code to}, the newest edition against the one before.
 */
@RestController
class DiffController {

  private static final MediaType PLAIN =
      new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8);

  private final EditionHistory history;
  private final DiffPage page;
  private final Semaphore permits;

  DiffController(EditionHistory history, DiffPage page, ExportProperties properties) {
    this.history = history;
    this.page = page;
    this.permits = new Semaphore(properties.diff().maxConcurrent());
  }

  @GetMapping(value = "/books/{bookId}/diff", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> diff(
      @PathVariable String bookId,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String doc) {
    // diffs are the costly requests anyone can make: a few at a time, the rest come back later
    if (!permits.tryAcquire()) {
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, "5")
          .contentType(MediaType.TEXT_HTML)
          .body(page.busy(bookId));
    }
    try {
      return compare(bookId, from, to, doc);
    } finally {
      permits.release();
    }
  }

  /**
   * {@code GET /books/{bookId}/text?doc=<docId>&version=<sha256>}: one kept version of a chapter as
   * the plain text a diff compares (one block a line), offered where a chapter is too large to
   * compare on the page.
   */
  @GetMapping(value = "/books/{bookId}/text")
  ResponseEntity<String> text(
      @PathVariable String bookId, @RequestParam String doc, @RequestParam String version) {
    if (!permits.tryAcquire()) {
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, "5")
          .contentType(PLAIN)
          .body("Busy: try again in a few seconds.\n");
    }
    try {
      return history
          .chapter(bookId, doc, version)
          .map(
              c ->
                  ResponseEntity.ok()
                      .contentType(PLAIN)
                      .body(String.join("\n", ChapterText.lines(c.xhtml())) + "\n"))
          .orElseGet(
              () ->
                  ResponseEntity.status(HttpStatus.NOT_FOUND)
                      .contentType(PLAIN)
                      .body("This version of the chapter is not kept (any more).\n"));
    } finally {
      permits.release();
    }
  }

  private ResponseEntity<String> compare(String bookId, String from, String to, String doc) {
    List<CommitEntry> accepted =
        history.history(bookId).stream().filter(c -> c.manifest() != null).toList();
    if (accepted.isEmpty()) {
      return notFound(bookId, "Book “" + bookId + "” has no accepted commit yet.");
    }
    Optional<CommitEntry> newer = blank(to) ? Optional.of(accepted.get(0)) : accepted(bookId, to);
    if (newer.isEmpty()) {
      return notFound(bookId, "No accepted commit “" + to + "” of book “" + bookId + "”.");
    }
    Optional<CommitEntry> older =
        blank(from)
            ? history.previousAccepted(bookId, newer.get().commit())
            : accepted(bookId, from);
    if (older.isEmpty()) {
      return blank(from)
          ? ResponseEntity.ok(page.nothingToCompare(bookId, newer.get(), accepted))
          : notFound(bookId, "No accepted commit “" + from + "” of book “" + bookId + "”.");
    }
    return ResponseEntity.ok(
        page.render(bookId, older.get(), newer.get(), blank(doc) ? null : doc, accepted));
  }

  private Optional<CommitEntry> accepted(String bookId, String commit) {
    return history.find(bookId, commit.strip()).filter(c -> c.manifest() != null);
  }

  private ResponseEntity<String> notFound(String bookId, String message) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .contentType(MediaType.TEXT_HTML)
        .body(page.notFound(bookId, message));
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
