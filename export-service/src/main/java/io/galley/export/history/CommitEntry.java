package io.galley.export.history;

import io.galley.events.CommitIngested;
import io.galley.events.EditionFormat;
import io.galley.events.Problem;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One commit of one book as the history knows it: a snapshot, never updated in place.
 *
 * @param bookId the book
 * @param commit the git commit id
 * @param author {@code Name <email>}, empty until the commit event arrives
 * @param message the commit message, empty until the commit event arrives
 * @param committedAt the commit time (from the commit event, else from an edition of it)
 * @param manifest the accepted commit's manifest, null when rejected or not yet seen
 * @param problems why the commit was rejected; empty unless rejected
 * @param formats the state of each format that has one
 */
public record CommitEntry(
    String bookId,
    String commit,
    String author,
    String message,
    Instant committedAt,
    CommitIngested manifest,
    List<Problem> problems,
    Map<EditionFormat, FormatStatus> formats) {

  public CommitEntry {
    Objects.requireNonNull(bookId, "bookId");
    Objects.requireNonNull(commit, "commit");
    author = author == null ? "" : author;
    message = message == null ? "" : message;
    problems = List.copyOf(problems);
    EnumMap<EditionFormat, FormatStatus> copy = new EnumMap<>(EditionFormat.class);
    copy.putAll(formats);
    formats = java.util.Collections.unmodifiableMap(copy);
  }

  /** The state of a format, empty when nothing is known about it yet. */
  public Optional<FormatStatus> status(EditionFormat format) {
    return Optional.ofNullable(formats.get(format));
  }

  /** Whether validation rejected this commit. */
  public boolean rejected() {
    return !problems.isEmpty();
  }

  /** The first seven characters of the commit id. */
  public String shortCommit() {
    return commit.substring(0, Math.min(7, commit.length()));
  }

  /** The first line of the commit message. */
  public String subject() {
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).strip();
  }
}
