package io.galley.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * An edition that could not be built; the previous edition of the format stays served.
 *
 * @param editionId see {@link EditionIds}
 * @param bookId the book
 * @param commit the commit
 * @param format the format that failed
 * @param error what went wrong
 * @param failedAt the commit time (not the clock), so retries produce the same record
 */
public record EditionFailed(
    String editionId,
    String bookId,
    String commit,
    EditionFormat format,
    String error,
    Instant failedAt)
    implements EditionEvent {

  /** Version of this record's JSON shape. */
  public static final int SCHEMA_VERSION = 1;

  public EditionFailed {
    Objects.requireNonNull(editionId, "editionId");
    Objects.requireNonNull(bookId, "bookId");
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(error, "error");
  }

  @JsonProperty("schemaVersion")
  int schemaVersion() {
    return SCHEMA_VERSION;
  }
}
