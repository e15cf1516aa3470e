package io.galley.ingest.commits;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.BookMetadata;
import io.galley.events.CommitEvent;
import io.galley.events.CommitIngested;
import io.galley.events.CommitRejected;
import io.galley.events.Problem;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The log keeps a window of each book's decisions, and always the book's last manifest. */
class CommitLogTest {

  private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

  private static CommitIngested manifest(String book, String commit) {
    return new CommitIngested(
        book,
        commit,
        null,
        "Ada <a@x>",
        "m",
        AT,
        new BookMetadata(book, "T", null, null, null, null, null, null, null, null),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        true,
        List.of());
  }

  private static CommitRejected rejected(String book, String commit) {
    return new CommitRejected(
        book, commit, "Ada <a@x>", "m", AT, List.of(Problem.error("a", 1, "x")));
  }

  @Test
  void keepsTheNewestDecisionsOfEachBookAndNamesTheOnesANewDecisionRetires() {
    CommitLog log = new CommitLog(3);
    for (int i = 1; i <= 3; i++) {
      log.record(manifest("a", "a" + i));
      log.record(manifest("b", "b" + i));
    }
    CommitEvent next = manifest("a", "a4");
    assertThat(log.retiredBy(next)).containsExactly("a/a1");
    log.record(next);
    assertThat(log.newestFirst())
        .extracting(CommitEvent::commit)
        .containsExactly("a4", "b3", "a3", "b2", "a2", "b1");
    assertThat(log.newestFirst(1, 2)).extracting(CommitEvent::commit).containsExactly("b3", "a3");
    assertThat(log.retiredBy(manifest("b", "b4"))).containsExactly("b/b1");
  }

  @Test
  void keepsABooksLastManifestWhateverTheRejectionsAfterIt() {
    CommitLog log = new CommitLog(2);
    log.record(manifest("a", "m1"));
    for (int i = 1; i <= 5; i++) {
      CommitEvent next = rejected("a", "r" + i);
      List<String> retired = log.retiredBy(next);
      log.record(next);
      assertThat(retired).doesNotContain("a/m1");
    }
    assertThat(log.lastManifest("a")).map(CommitIngested::commit).contains("m1");
    assertThat(log.newestFirst()).extracting(CommitEvent::commit).containsExactly("r5", "m1");
    // a newer manifest lets the old one go
    assertThat(log.retiredBy(manifest("a", "m2"))).containsExactly("a/m1");
  }

  @Test
  void aCommitDecidedAgainMovesToTheEndAndIsNotRetired() {
    CommitLog log = new CommitLog(2);
    log.record(manifest("a", "c1"));
    log.record(manifest("a", "c2"));
    CommitEvent again = manifest("a", "c1"); // history rewritten back to c1
    assertThat(log.retiredBy(again)).isEmpty();
    log.record(again);
    assertThat(log.newestFirst()).extracting(CommitEvent::commit).containsExactly("c1", "c2");
    assertThat(log.retiredBy(manifest("a", "c3"))).containsExactly("a/c2");
  }
}
