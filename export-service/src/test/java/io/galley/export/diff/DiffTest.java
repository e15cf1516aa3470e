package io.galley.export.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.export.Books;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DiffTest {

  @Test
  void findsTheShortestEditScriptAndItRebuildsBothSides() {
    Random random = new Random(42);
    for (int round = 0; round < 300; round++) {
      List<Character> a = randomText(random);
      List<Character> b = randomText(random);
      List<Edit<Character>> edits = EditScript.of(a, b, DiffBudget.unlimited());
      List<Character> left = new ArrayList<>();
      List<Character> right = new ArrayList<>();
      edits.forEach(
          e -> {
            if (e.op() != Edit.Op.INSERT) {
              left.add(e.item());
            }
            if (e.op() != Edit.Op.DELETE) {
              right.add(e.item());
            }
          });
      assertThat(left).isEqualTo(a);
      assertThat(right).isEqualTo(b);
      long kept = edits.stream().filter(e -> e.op() == Edit.Op.KEEP).count();
      assertThat(kept).as("keeps a longest common subsequence").isEqualTo(lcs(a, b));
    }
  }

  @Test
  void diffsEmptyAndEqualSequences() {
    assertThat(EditScript.of(List.of(), List.of(), DiffBudget.unlimited())).isEmpty();
    assertThat(EditScript.of(List.of("a"), List.of(), DiffBudget.unlimited()))
        .extracting(Edit::op)
        .containsExactly(Edit.Op.DELETE);
    assertThat(EditScript.of(List.of("a", "b"), List.of("a", "b"), DiffBudget.unlimited()))
        .extracting(Edit::op)
        .containsOnly(Edit.Op.KEEP);
  }

  @Test
  void diffsTwo6000BlockChaptersThatShareNothingWithoutRunningOutOfHeap() {
    // the hand-made Myers kept one copy of its frontier per edit step: about 1.1 GB here
    List<String> before = IntStream.range(0, 6000).mapToObj(i -> "old block " + i).toList();
    List<String> after = IntStream.range(0, 6000).mapToObj(i -> "new paragraph " + i).toList();
    List<TextDiff.Line> lines = TextDiff.of(before, after);
    assertThat(lines).hasSize(12_000);
    assertThat(lines).filteredOn(l -> l.kind() == TextDiff.Kind.REMOVED).hasSize(6000);
  }

  @Test
  void stopsWhenTheComparisonBudgetRunsOut() {
    List<String> before = IntStream.range(0, 500).mapToObj(i -> "a" + i).toList();
    List<String> after = IntStream.range(0, 500).mapToObj(i -> "b" + i).toList();
    DiffBudget budget = DiffBudget.of(10_000, java.time.Duration.ofMinutes(1));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TextDiff.of(before, after, budget))
        .isInstanceOf(DiffTooLarge.class)
        .hasMessageContaining("10000 comparisons");
    assertThat(TextDiff.changedAtLeast(before, after)).isEqualTo(1000);
    assertThat(TextDiff.changedAtLeast(List.of("x", "y", "y"), List.of("y", "x", "z")))
        .isEqualTo(2);
  }

  @Test
  void extractsReadableBlocksFromAChapter() {
    List<String> lines = ChapterText.lines(Books.rendered(Books.goGuide()).get(0).xhtml());
    assertThat(lines).startsWith("# Introduction", "Welcome. See numbers and the site.1");
    assertThat(lines).contains("[image: A diagram]", "## Why Go", "| Kind | Size |", "| int | 8 |");
    assertThat(lines).anyMatch(l -> l.startsWith("    func main()"));
    assertThat(lines).anyMatch(l -> l.startsWith("• A footnote."));
  }

  @Test
  void showsAnEditedParagraphAsOneChangedLineWithTheChangedWords() {
    List<TextDiff.Line> lines =
        TextDiff.of(
            List.of(
                "# Title",
                "Go compiles fast and ships as one binary.",
                "Old paragraph that goes away entirely."),
            List.of(
                "# Title",
                "Go compiles quickly and ships as one static binary.",
                "Completely new text here."));
    assertThat(lines)
        .extracting(TextDiff.Line::kind)
        .containsExactly(
            TextDiff.Kind.KEPT, TextDiff.Kind.CHANGED, TextDiff.Kind.REMOVED, TextDiff.Kind.ADDED);
    TextDiff.Line changed = lines.get(1);
    assertThat(changed.oldNumber()).isEqualTo(2);
    assertThat(changed.segments())
        .contains(
            new Edit<>(Edit.Op.DELETE, "fast"),
            new Edit<>(Edit.Op.INSERT, "quickly"),
            new Edit<>(Edit.Op.INSERT, "static"));
    assertThat(lines.get(3).newNumber()).isEqualTo(3);
    assertThat(TextDiff.wordDiff("the quick brown fox", "the slow red fox"))
        .containsExactly(
            new Edit<>(Edit.Op.KEEP, "the"),
            new Edit<>(Edit.Op.KEEP, " "),
            new Edit<>(Edit.Op.DELETE, "quick"),
            new Edit<>(Edit.Op.DELETE, " "),
            new Edit<>(Edit.Op.DELETE, "brown"),
            new Edit<>(Edit.Op.INSERT, "slow"),
            new Edit<>(Edit.Op.INSERT, " "),
            new Edit<>(Edit.Op.INSERT, "red"),
            new Edit<>(Edit.Op.KEEP, " "),
            new Edit<>(Edit.Op.KEEP, "fox"));
  }

  @Test
  void comparesTheChapterListsOfTwoManifests() {
    CommitIngested from = Books.goGuide();
    List<ChapterEntry> chapters = new ArrayList<>(from.chapters());
    chapters.remove(2);
    chapters.set(0, new ChapterEntry("intro", "9".repeat(64), "Introduction"));
    chapters.set(1, new ChapterEntry("basics/types", chapters.get(1).sha256(), "Types"));
    chapters.add(0, new ChapterEntry("preface", "8".repeat(64), "Preface"));
    CommitIngested to =
        new CommitIngested(
            from.bookId(),
            "f".repeat(40),
            from.commit(),
            "a",
            "m",
            Instant.parse("2026-04-01T00:00:00Z"),
            from.book(),
            chapters,
            from.assets(),
            List.of(),
            List.of(),
            false,
            List.of());
    EditionComparison c = EditionComparison.of(from, to);
    assertThat(c.of(ChapterChange.Kind.ADDED))
        .extracting(ChapterChange::docId)
        .containsExactly("preface");
    assertThat(c.of(ChapterChange.Kind.REMOVED))
        .extracting(ChapterChange::docId)
        .containsExactly("appendix");
    assertThat(c.of(ChapterChange.Kind.CHANGED))
        .extracting(ChapterChange::docId)
        .containsExactly("intro", "basics/types");
    assertThat(c.chapter("basics/types").orElseThrow().titleChanged()).isTrue();
    assertThat(c.chapter("basics/types").orElseThrow().sourceChanged()).isFalse();
    assertThat(c.chapter("intro").orElseThrow().sourceChanged()).isTrue();
    assertThat(c.reordered()).isFalse();
    assertThat(EditionComparison.of(to, to).of(ChapterChange.Kind.UNCHANGED)).hasSize(3);
  }

  private static List<Character> randomText(Random random) {
    List<Character> text = new ArrayList<>();
    int n = random.nextInt(12);
    for (int i = 0; i < n; i++) {
      text.add((char) ('a' + random.nextInt(4)));
    }
    return text;
  }

  private static int lcs(List<Character> a, List<Character> b) {
    int[][] t = new int[a.size() + 1][b.size() + 1];
    for (int i = 1; i <= a.size(); i++) {
      for (int j = 1; j <= b.size(); j++) {
        t[i][j] =
            a.get(i - 1).equals(b.get(j - 1))
                ? t[i - 1][j - 1] + 1
                : Math.max(t[i - 1][j], t[i][j - 1]);
      }
    }
    return t[a.size()][b.size()];
  }
}
