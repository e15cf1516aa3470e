package io.galley.ingest.commits;

import io.galley.events.CommitEvent;
import io.galley.events.CommitIngested;
import io.galley.events.CommitRejected;
import io.galley.events.Problem;
import java.time.Instant;
import java.util.List;

/**
 * One commit decision as {@code GET /api/commits} shows it.
 *
 * @param status {@code ingested} or {@code rejected}
 * @param bookId the book
 * @param commit the git commit id
 * @param parent the previous ingested commit of the book (ingested only)
 * @param author {@code Name <email>}
 * @param message the commit message
 * @param committedAt the commit time
 * @param snapshot whether the manifest is a full snapshot (ingested only)
 * @param chapters how many chapters the manifest has (0 when rejected)
 * @param changed changed docIds
 * @param deleted deleted docIds
 * @param problems errors of a rejection, or warnings of an accepted commit
 * @param messages the same problems as {@code path:line:col: message}
 */
record CommitView(
    String status,
    String bookId,
    String commit,
    String parent,
    String author,
    String message,
    Instant committedAt,
    boolean snapshot,
    int chapters,
    List<String> changed,
    List<String> deleted,
    List<Problem> problems,
    List<String> messages) {

  static CommitView of(CommitEvent event) {
    if (event instanceof CommitIngested i) {
      return new CommitView(
          "ingested",
          i.bookId(),
          i.commit(),
          i.parent(),
          i.author(),
          i.message(),
          i.committedAt(),
          i.snapshot(),
          i.chapters().size(),
          i.changed(),
          i.deleted(),
          i.warnings(),
          i.warnings().stream().map(Problem::toString).toList());
    }
    CommitRejected r = (CommitRejected) event;
    return new CommitView(
        "rejected",
        r.bookId(),
        r.commit(),
        null,
        r.author(),
        r.message(),
        r.committedAt(),
        false,
        0,
        List.of(),
        List.of(),
        r.problems(),
        r.problems().stream().map(Problem::toString).toList());
  }
}
