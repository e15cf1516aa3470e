package io.galley.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A commit that failed validation: no edition changes, and the editor sees why.
 *
 * @param bookId the book
 * @param commit the git commit id
 * @param author {@code Name <email>}
 * @param message the commit message
 * @param committedAt the commit time
 * @param problems what is wrong, errors first; never empty
 */
public record CommitRejected(
    String bookId,
    String commit,
    String author,
    String message,
    Instant committedAt,
    List<Problem> problems)
    implements CommitEvent {

  /** Version of this record's JSON shape. */
  public static final int SCHEMA_VERSION = 1;

  public CommitRejected {
    Objects.requireNonNull(bookId, "bookId");
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(committedAt, "committedAt");
    author = author == null ? "" : author;
    message = message == null ? "" : message;
    problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a rejected commit needs at least one problem: " + commit);
    }
  }

  @JsonProperty("schemaVersion")
  int schemaVersion() {
    return SCHEMA_VERSION;
  }
}
