package io.galley.export.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.events.CommitRejected;
import io.galley.events.EditionFailed;
import io.galley.events.EditionFormat;
import io.galley.events.EditionPublished;
import io.galley.events.Problem;
import io.galley.events.RenderedChapter;
import io.galley.export.Books;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EditionHistoryTest {

  final EditionHistory history = new EditionHistory();
  final List<CommitEntry> heard = new ArrayList<>();

  @Test
  void movesAFormatFromQueuedThroughBuildingToPublished() {
    history.subscribe(heard::add);
    CommitIngested m = manifest(1);
    history.accepted(m);
    assertThat(state(m, EditionFormat.PDF)).isEqualTo(FormatState.QUEUED);
    history.building(m, EditionFormat.PDF);
    assertThat(state(m, EditionFormat.PDF)).isEqualTo(FormatState.BUILDING);
    history.finished(published(m, EditionFormat.PDF));
    CommitEntry entry = history.find("go-guide", m.commit()).orElseThrow();
    assertThat(entry.status(EditionFormat.PDF).orElseThrow().edition().pages()).isEqualTo(12);
    assertThat(entry.status(EditionFormat.EPUB).orElseThrow().state())
        .isEqualTo(FormatState.QUEUED);
    assertThat(entry.author()).isEqualTo("Ada <ada@example.org>");
    assertThat(heard).hasSize(3);
    history.finished(published(m, EditionFormat.PDF));
    assertThat(heard).as("a duplicate changes nothing").hasSize(3);
  }

  @Test
  void neverMovesBackWhenFactsArriveOutOfOrder() {
    CommitIngested m = manifest(1);
    history.finished(published(m, EditionFormat.EPUB));
    history.finished(
        new EditionFailed(
            "f".repeat(32), "go-guide", m.commit(), EditionFormat.PDF, "boom", m.committedAt()));
    assertThat(history.find("go-guide", m.commit()).orElseThrow().committedAt())
        .isEqualTo(m.committedAt());
    history.accepted(m);
    history.building(m, EditionFormat.EPUB);
    history.superseded(m);
    assertThat(state(m, EditionFormat.EPUB)).isEqualTo(FormatState.PUBLISHED);
    assertThat(state(m, EditionFormat.PDF)).isEqualTo(FormatState.FAILED);
    assertThat(
            history
                .find("go-guide", m.commit())
                .orElseThrow()
                .status(EditionFormat.PDF)
                .orElseThrow()
                .error())
        .isEqualTo("boom");
    assertThat(state(m, EditionFormat.HTML)).isEqualTo(FormatState.QUEUED);
  }

  @Test
  void recordsRejectedCommitsWithTheirProblems() {
    CommitRejected rejected =
        new CommitRejected(
            "go-guide",
            "e".repeat(40),
            "Bob <bob@example.org>",
            "broken link",
            Instant.parse("2026-03-01T11:00:00Z"),
            List.of(Problem.error("chapters/a.md", 7, "link to missing chapter")));
    history.rejected(rejected);
    CommitEntry entry = history.history("go-guide").get(0);
    assertThat(entry.rejected()).isTrue();
    assertThat(entry.problems())
        .extracting(Problem::toString)
        .containsExactly("chapters/a.md:7: link to missing chapter");
    assertThat(entry.formats().values())
        .extracting(FormatStatus::state)
        .containsOnly(FormatState.REJECTED);
  }

  @Test
  void marksSupersededManifestsSkippedAndOlderHtmlSkippedOnceANewerSiteIsOut() {
    CommitIngested old = manifest(1);
    CommitIngested newer = manifest(2);
    history.accepted(old);
    history.accepted(newer);
    history.superseded(old);
    assertThat(state(old, EditionFormat.PDF)).isEqualTo(FormatState.SKIPPED);
    assertThat(state(old, EditionFormat.PDF).label()).isEqualTo("skipped (superseded)");
    assertThat(state(old, EditionFormat.HTML)).isEqualTo(FormatState.QUEUED);
    history.finished(published(newer, EditionFormat.HTML));
    assertThat(state(old, EditionFormat.HTML)).isEqualTo(FormatState.SKIPPED);
    history.finished(published(old, EditionFormat.HTML));
    assertThat(state(old, EditionFormat.HTML)).isEqualTo(FormatState.PUBLISHED);
  }

  @Test
  void listsNewestFirstFindsByPrefixAndKnowsThePreviousAcceptedCommit() {
    history.accepted(manifest(1));
    history.rejected(
        new CommitRejected(
            "go-guide",
            String.format("%040d", 2).replace('0', 'b'),
            "a",
            "m",
            Instant.parse("2026-03-01T10:00:02Z"),
            List.of(Problem.error("x.md", 1, "bad"))));
    history.accepted(manifest(3));
    history.rendered(Books.rendered(manifest(1)).get(0));
    assertThat(history.history("go-guide"))
        .extracting(CommitEntry::committedAt)
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(history.previousAccepted("go-guide", manifest(3).commit()))
        .get()
        .extracting(CommitEntry::commit)
        .isEqualTo(manifest(1).commit());
    assertThat(history.find("go-guide", "bbbb")).isPresent();
    assertThat(history.find("go-guide", "000")).as("too short").isEmpty();
    assertThat(history.find("go-guide", "0000")).as("ambiguous").isEmpty();
    assertThat(
            history.chapter("go-guide", "intro", Books.rendered(manifest(1)).get(0).sourceSha256()))
        .isPresent();
    assertThat(history.books()).containsExactly("go-guide");
  }

  @Test
  void keepsTheNewestCommitsOfEachBookAndOnlyTheChapterTextsTheyName() {
    EditionHistory bounded = new EditionHistory(3);
    List<CommitEntry> told = new ArrayList<>();
    bounded.subscribe(told::add);
    for (int n = 1; n <= 50; n++) {
      CommitIngested m = editingIntro(n);
      bounded.accepted(m);
      bounded.rendered(introAt(m));
      Books.rendered(m).stream().filter(c -> !c.docId().equals("intro")).forEach(bounded::rendered);
      bounded.finished(published(m, EditionFormat.PDF));
    }
    assertThat(bounded.history("go-guide"))
        .extracting(CommitEntry::commit)
        .containsExactly(
            editingIntro(50).commit(), editingIntro(49).commit(), editingIntro(48).commit());
    // three intro versions for the three commits kept, plus the two chapters that never changed
    assertThat(bounded.chaptersHeld()).isEqualTo(5);
    assertThat(bounded.chapter("go-guide", "intro", introSha(48)))
        .get()
        .extracting(RenderedChapter::xhtml)
        .as("kept deflated, read back whole")
        .isEqualTo(introAt(editingIntro(48)).xhtml());
    List<CommitEntry> kept = bounded.history("go-guide");
    assertThat(kept.get(0).manifest().chapters().get(1))
        .as("a chapter entry consecutive manifests repeat is held once")
        .isSameAs(kept.get(1).manifest().chapters().get(1));
    assertThat(kept.get(0).manifest().book()).isSameAs(kept.get(2).manifest().book());
    assertThat(bounded.chapter("go-guide", "intro", introSha(47))).isEmpty();

    told.clear();
    bounded.finished(published(editingIntro(2), EditionFormat.EPUB));
    assertThat(bounded.find("go-guide", editingIntro(2).commit()))
        .as("a late event of a commit older than every one kept adds nothing")
        .isEmpty();
    assertThat(told).isEmpty();
    assertThat(bounded.history("go-guide")).hasSize(3);
  }

  @Test
  void skipsOlderCommitsOfAnyFormatOnceANewerEditionOfItIsOut() {
    // an instance that does not own the book never hears "superseded": the editions tell it
    CommitIngested old = manifest(1);
    CommitIngested newer = manifest(2);
    history.accepted(old);
    history.accepted(newer);
    history.finished(published(newer, EditionFormat.PDF));
    assertThat(state(old, EditionFormat.PDF)).isEqualTo(FormatState.SKIPPED);
    assertThat(state(old, EditionFormat.EPUB)).isEqualTo(FormatState.QUEUED);
    assertThat(state(newer, EditionFormat.EPUB)).isEqualTo(FormatState.QUEUED);
  }

  private static CommitIngested editingIntro(int n) {
    CommitIngested m = manifest(n);
    List<ChapterEntry> chapters = new ArrayList<>(m.chapters());
    chapters.set(0, new ChapterEntry("intro", introSha(n), "Introduction"));
    return new CommitIngested(
        m.bookId(),
        m.commit(),
        m.parent(),
        m.author(),
        m.message(),
        m.committedAt(),
        m.book(),
        chapters,
        m.assets(),
        List.of("intro"),
        List.of(),
        false,
        List.of());
  }

  private static String introSha(int n) {
    return String.format("%064x", n);
  }

  private static RenderedChapter introAt(CommitIngested m) {
    RenderedChapter intro = Books.rendered(m).get(0);
    return new RenderedChapter(
        intro.bookId(),
        "intro",
        m.chapters().get(0).sha256(),
        intro.rendererVersion(),
        intro.title(),
        intro.xhtml(),
        intro.headings(),
        intro.docRefs(),
        intro.assets(),
        intro.warnings());
  }

  private FormatState state(CommitIngested m, EditionFormat format) {
    return history.find(m.bookId(), m.commit()).orElseThrow().status(format).orElseThrow().state();
  }

  static CommitIngested manifest(int n) {
    return Books.goGuide(
        "go-guide",
        String.format("%040d", n),
        Instant.parse("2026-03-01T10:00:00Z").plusSeconds(n));
  }

  static EditionPublished published(CommitIngested m, EditionFormat format) {
    String id = (format.ordinal() + "" + m.commit()).substring(0, 32);
    return new EditionPublished(
        id,
        m.bookId(),
        m.commit(),
        format,
        "a".repeat(64),
        1000,
        format == EditionFormat.PDF ? 12 : null,
        m.committedAt(),
        42,
        "/editions/" + id + ".pdf");
  }
}
