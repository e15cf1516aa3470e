package io.galley.export.history;

import io.galley.events.CommitIngested;
import io.galley.events.CommitRejected;
import io.galley.events.EditionFailed;
import io.galley.events.EditionFormat;
import io.galley.events.EditionPublished;
import io.galley.events.Problem;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The mutable state of one commit, guarded by {@link EditionHistory}'s lock. Facts may arrive in
 * any order (the topics are replayed concurrently), so a state never moves back: published beats
 * everything, failed beats everything but published, and a queued or skipped state never overwrites
 * building.
 */
final class TrackedCommit {

  private final String bookId;
  private final String commit;
  private String author;
  private String message;
  private Instant committedAt;
  private CommitIngested manifest;
  private List<Problem> problems = List.of();
  private final Map<EditionFormat, FormatStatus> formats = new EnumMap<>(EditionFormat.class);
  private CommitEntry snapshot;

  TrackedCommit(String bookId, String commit) {
    this.bookId = bookId;
    this.commit = commit;
  }

  String commit() {
    return commit;
  }

  void accept(CommitIngested m) {
    if (manifest == null) {
      manifest = m;
      identify(m.author(), m.message(), m.committedAt());
    }
    for (EditionFormat format : EditionFormat.values()) {
      formats.putIfAbsent(format, FormatStatus.of(FormatState.QUEUED));
    }
    snapshot = null;
  }

  /** Holds {@code lean} instead of the manifest accepted: the same content, shared parts. */
  void keepManifest(CommitIngested lean) {
    manifest = lean;
    snapshot = null;
  }

  void reject(CommitRejected rejection) {
    identify(rejection.author(), rejection.message(), rejection.committedAt());
    problems = rejection.problems();
    for (EditionFormat format : EditionFormat.values()) {
      if (state(format) != FormatState.PUBLISHED) {
        formats.put(format, FormatStatus.of(FormatState.REJECTED));
      }
    }
    snapshot = null;
  }

  void skip(EditionFormat format) {
    FormatState now = state(format);
    if (now == null || now == FormatState.QUEUED) {
      formats.put(format, FormatStatus.of(FormatState.SKIPPED));
      snapshot = null;
    }
  }

  void building(EditionFormat format) {
    FormatState now = state(format);
    if (now != FormatState.PUBLISHED && now != FormatState.FAILED) {
      formats.put(format, FormatStatus.of(FormatState.BUILDING));
      snapshot = null;
    }
  }

  void publish(EditionPublished edition) {
    formats.put(edition.format(), new FormatStatus(FormatState.PUBLISHED, edition, null));
    if (committedAt == null) {
      committedAt = edition.builtAt();
    }
    snapshot = null;
  }

  void fail(EditionFailed failure) {
    if (state(failure.format()) != FormatState.PUBLISHED) {
      formats.put(failure.format(), new FormatStatus(FormatState.FAILED, null, failure.error()));
      if (committedAt == null) {
        committedAt = failure.failedAt();
      }
      snapshot = null;
    }
  }

  CommitEntry snapshot() {
    if (snapshot == null) {
      snapshot =
          new CommitEntry(
              bookId, commit, author, message, committedAt, manifest, problems, formats);
    }
    return snapshot;
  }

  private void identify(String author, String message, Instant at) {
    this.author = author;
    this.message = message;
    this.committedAt = at;
  }

  private FormatState state(EditionFormat format) {
    FormatStatus status = formats.get(format);
    return status == null ? null : status.state();
  }
}
