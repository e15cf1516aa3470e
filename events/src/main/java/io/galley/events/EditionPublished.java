package io.galley.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * An edition that was built and can be downloaded or browsed.
 *
 * @param editionId see {@link EditionIds}
 * @param bookId the book
 * @param commit the commit it was built from
 * @param format HTML, PDF or EPUB
 * @param sha256 hash of the file (for HTML, of the site's zip or index)
 * @param bytes the file's size
 * @param pages number of pages (PDF only, else null)
 * @param builtAt the commit time, so that rebuilding yields the same record
 * @param buildMillis how long the build took (informational, not part of the file)
 * @param downloadPath where the edition is served, relative to the owning service
 */
public record EditionPublished(
    String editionId,
    String bookId,
    String commit,
    EditionFormat format,
    String sha256,
    long bytes,
    Integer pages,
    Instant builtAt,
    long buildMillis,
    String downloadPath)
    implements EditionEvent {

  /** Version of this record's JSON shape. */
  public static final int SCHEMA_VERSION = 1;

  public EditionPublished {
    Objects.requireNonNull(editionId, "editionId");
    Objects.requireNonNull(bookId, "bookId");
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(builtAt, "builtAt");
    Objects.requireNonNull(downloadPath, "downloadPath");
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must be >= 0, got " + bytes);
    }
  }

  @JsonProperty("schemaVersion")
  int schemaVersion() {
    return SCHEMA_VERSION;
  }
}
