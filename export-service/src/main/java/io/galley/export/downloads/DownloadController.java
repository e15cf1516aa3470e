package io.galley.export.downloads;

import io.galley.events.EditionFormat;
import io.galley.events.EditionPublished;
import io.galley.export.ExportProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Edition downloads: the newest edition of a book or an edition by id, with ETag (the sha256),
 * Range requests and a Content-Disposition file name.
 */
@RestController
class DownloadController {

  static final MediaType EPUB = MediaType.parseMediaType("application/epub+zip");

  private final EditionFiles files;
  private final int maxRanges;

  DownloadController(EditionFiles files, ExportProperties properties) {
    this.files = files;
    this.maxRanges = properties.maxRanges();
  }

  @GetMapping("/books/{bookId}/latest.{ext}")
  ResponseEntity<?> latest(
      @PathVariable String bookId,
      @PathVariable String ext,
      @RequestHeader(value = HttpHeaders.RANGE, required = false) String range) {
    Optional<EditionFormat> format = format(ext);
    if (format.isEmpty()) {
      return notFound("No " + ext + " editions are built; try pdf or epub.");
    }
    return files
        .latest(bookId, format.get())
        .<ResponseEntity<?>>map(e -> download(e, range))
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
  ResponseEntity<?> edition(
      @PathVariable String editionId,
      @PathVariable String ext,
      @RequestHeader(value = HttpHeaders.RANGE, required = false) String range) {
    return format(ext)
        .flatMap(f -> files.byId(editionId, f))
        .<ResponseEntity<?>>map(e -> download(e, range))
        .orElseGet(() -> notFound("No edition " + editionId + "." + ext + " in the store."));
  }

  /**
   * The file streamed from disk. Spring answers a Range header for a file resource (206, 416 for a
   * bad or oversized one); a request for more ranges than allowed gets the whole file instead, as
   * HTTP lets a server ignore Range, so a many-small-ranges request cannot multiply the work.
   */
  private ResponseEntity<?> download(EditionPublished edition, String range) {
    Path file = files.store().file(edition);
    boolean whole = range != null && range.chars().filter(c -> c == ',').count() >= maxRanges;
    String ext = edition.format().name().toLowerCase(Locale.ROOT);
    String shortCommit = edition.commit().substring(0, Math.min(7, edition.commit().length()));
    ResponseEntity.BodyBuilder response = ResponseEntity.ok();
    if (whole) {
      try {
        response.contentLength(Files.size(file));
      } catch (IOException e) {
        return notFound("Edition " + edition.editionId() + " is not readable: " + e.getMessage());
      }
    }
    return response
        .eTag("\"" + edition.sha256() + "\"")
        .contentType(edition.format() == EditionFormat.PDF ? MediaType.APPLICATION_PDF : EPUB)
        .header(
            "Content-Disposition",
            ContentDisposition.attachment()
                .filename(edition.bookId() + "-" + shortCommit + "." + ext)
                .build()
                .toString())
        .header("Accept-Ranges", "bytes")
        .body(body(file, whole));
  }

  private static Resource body(Path file, boolean whole) {
    // exactly an InputStreamResource (opened only when written): Spring streams it whole and
    // leaves the Range header alone; a file resource gets Spring's Range handling
    return whole
        ? new InputStreamResource(() -> Files.newInputStream(file))
        : new FileSystemResource(file);
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
