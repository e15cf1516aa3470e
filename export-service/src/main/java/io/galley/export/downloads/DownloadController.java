package io.galley.export.downloads;

import io.galley.blob.BlobNotFoundException;
import io.galley.blob.BlobStoreSettings;
import io.galley.blob.ByteRange;
import io.galley.events.EditionFormat;
import io.galley.events.EditionPublished;
import io.galley.export.ExportProperties;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.io.InputStreamResource;
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

  /** How long a presigned download URL stays valid. */
  static final Duration PRESIGNED_VALIDITY = Duration.ofMinutes(5);

  private final EditionFiles files;
  private final int maxRanges;
  private final boolean presign;

  DownloadController(
      EditionFiles files, ExportProperties properties, BlobStoreSettings blobSettings) {
    this.files = files;
    this.maxRanges = properties.maxRanges();
    this.presign = blobSettings.presignDownloads();
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
        .orElseGet(() -> notFound("No edition " + editionId + "." + ext + " is published."));
  }

  /**
   * The file streamed from the blob store (through the local cache when the store is remote).
   * Spring answers a Range header for a resource of known length (206, 416 for a bad or oversized
   * one); a request for more ranges than allowed gets the whole file instead, as HTTP lets a server
   * ignore Range, so a many-small-ranges request cannot multiply the work. With {@code
   * galley.blob.presign-downloads} and a store that signs URLs, the answer is a redirect instead.
   */
  private ResponseEntity<?> download(EditionPublished edition, String range) {
    if (presign) {
      Optional<URI> url = files.store().presignedUrl(edition, PRESIGNED_VALIDITY);
      if (url.isPresent()) {
        return ResponseEntity.status(HttpStatus.FOUND)
            .location(url.get())
            .eTag("\"" + edition.sha256() + "\"")
            .build();
      }
    }
    try (InputStream probe = files.store().open(edition, new ByteRange(0, 0))) {
      // fails now (404) rather than half-way through the response; fills the cache on a miss
    } catch (BlobNotFoundException e) {
      return notFound("The file of edition " + edition.editionId() + " is not in the blob store.");
    } catch (IOException e) {
      return unavailable("The blob store did not answer: " + e.getMessage());
    }
    boolean whole = range != null && range.chars().filter(c -> c == ',').count() >= maxRanges;
    String ext = edition.format().name().toLowerCase(Locale.ROOT);
    String shortCommit = edition.commit().substring(0, Math.min(7, edition.commit().length()));
    ResponseEntity.BodyBuilder response = ResponseEntity.ok();
    if (whole) {
      response.contentLength(edition.bytes());
    }
    BlobResource file = new BlobResource(files.store(), edition);
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
        .body(whole ? new InputStreamResource(file::getInputStream) : file);
  }

  private static Optional<EditionFormat> format(String ext) {
    return switch (ext.toLowerCase(Locale.ROOT)) {
      case "pdf" -> Optional.of(EditionFormat.PDF);
      case "epub" -> Optional.of(EditionFormat.EPUB);
      default -> Optional.empty();
    };
  }

  private static ResponseEntity<ProblemDetail> unavailable(String detail) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
    problem.setTitle("Blob store unavailable");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .header("Retry-After", "5")
        .body(problem);
  }

  private static ResponseEntity<ProblemDetail> notFound(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
    problem.setTitle("Edition not found");
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
