package io.galley.export.downloads;

import io.galley.events.EditionFormat;
import io.galley.events.EditionPublished;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Edition downloads: the newest edition of a book or an edition by id, with ETag (the sha256),
 * Range requests and a Content-Disposition file name.
 */
@RestController
class DownloadController {

  static final MediaType EPUB = MediaType.parseMediaType("application/epub+zip");

  private final EditionFiles files;

  DownloadController(EditionFiles files) {
    this.files = files;
  }

  @GetMapping("/books/{bookId}/latest.{ext}")
  ResponseEntity<?> latest(@PathVariable String bookId, @PathVariable String ext) {
    Optional<EditionFormat> format = format(ext);
    if (format.isEmpty()) {
      return notFound("No " + ext + " editions are built; try pdf or epub.");
    }
    return files
        .latest(bookId, format.get())
        .<ResponseEntity<?>>map(this::download)
        .orElseGet(
            () ->
                notFound(
                    "No "
                        + format.get()
                        + " edition of book '"
                        + bookId
                        + "' has been built yet."));
  }

  @GetMapping("/editions/{editionId}.{ext}")
  ResponseEntity<?> edition(@PathVariable String editionId, @PathVariable String ext) {
    return format(ext)
        .flatMap(f -> files.byId(editionId, f))
        .<ResponseEntity<?>>map(this::download)
        .orElseGet(() -> notFound("No edition " + editionId + "." + ext + " in the store."));
  }

  private ResponseEntity<?> download(EditionPublished edition) {
    String ext = edition.format().name().toLowerCase(Locale.ROOT);
    String shortCommit = edition.commit().substring(0, Math.min(7, edition.commit().length()));
    return ResponseEntity.ok()
        .eTag("\"" + edition.sha256() + "\"")
        .contentType(edition.format() == EditionFormat.PDF ? MediaType.APPLICATION_PDF : EPUB)
        .header(
            "Content-Disposition",
            ContentDisposition.attachment()
                .filename(edition.bookId() + "-" + shortCommit + "." + ext)
                .build()
                .toString())
        .header("Accept-Ranges", "bytes")
        .body(new FileSystemResource(files.store().file(edition)));
  }

  private static Optional<EditionFormat> format(String ext) {
    return switch (ext.toLowerCase(Locale.ROOT)) {
      case "pdf" -> Optional.of(EditionFormat.PDF);
      case "epub" -> Optional.of(EditionFormat.EPUB);
      default -> Optional.empty();
    };
  }

  private static ResponseEntity<ProblemDetail> notFound(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
    problem.setTitle("Edition not found");
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
