package io.galley.export.downloads;

import io.galley.events.EditionFailed;
import io.galley.events.EditionFormat;
import io.galley.events.EditionPublished;
import java.time.Instant;

/**
 * One edition as listed by {@code GET /api/editions}.
 *
 * @param editionId the edition
 * @param bookId the book
 * @param commit the commit it was built from
 * @param format HTML, PDF or EPUB
 * @param sha256 hash of the file
 * @param bytes size of the file
 * @param pages pages of a PDF, else null
 * @param builtAt the commit time
 * @param url where to get it: the render site for HTML, this service's download path otherwise;
 *     null for a failed edition
 * @param state {@code published}, or {@code failed} for an edition that could not be built
 * @param reason why a failed edition failed (which chapter, which budget); null when published
 */
public record EditionView(
    String editionId,
    String bookId,
    String commit,
    EditionFormat format,
    String sha256,
    long bytes,
    Integer pages,
    Instant builtAt,
    String url,
    String state,
    String reason) {

  /** Newest first, as the catalog orders published editions. */
  static final java.util.Comparator<EditionView> NEWEST_FIRST =
      java.util.Comparator.comparing(
              EditionView::builtAt,
              java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder()))
          .thenComparing(EditionView::format)
          .thenComparing(EditionView::editionId);

  static EditionView of(EditionFailed e) {
    return new EditionView(
        e.editionId(),
        e.bookId(),
        e.commit(),
        e.format(),
        null,
        0,
        null,
        e.failedAt(),
        null,
        "failed",
        e.error());
  }

  static EditionView of(EditionPublished e, String siteBaseUrl) {
    String path = e.downloadPath();
    boolean absolute = path.startsWith("http://") || path.startsWith("https://");
    String url = e.format() == EditionFormat.HTML && !absolute ? siteBaseUrl + path : path;
    return new EditionView(
        e.editionId(),
        e.bookId(),
        e.commit(),
        e.format(),
        e.sha256(),
        e.bytes(),
        e.pages(),
        e.builtAt(),
        url,
        "published",
        null);
  }
}
