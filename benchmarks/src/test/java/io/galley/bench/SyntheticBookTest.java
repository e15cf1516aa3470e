package io.galley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticBookTest {

  private static final Pattern LINK = Pattern.compile("\\]\\((ch-\\d{4}\\.md)(?:#([a-z-]+))?\\)");

  @Test
  void sameSeedGivesTheSameBytes(@TempDir Path a, @TempDir Path b) throws Exception {
    List<Path> first = new SyntheticBook(42, 27).writeTo(a);
    List<Path> second = new SyntheticBook(42, 27).writeTo(b);
    assertThat(first).hasSameSizeAs(second).hasSize(1 + SyntheticBook.FIGURES + 27);
    for (int i = 0; i < first.size(); i++) {
      assertThat(a.relativize(first.get(i))).isEqualTo(b.relativize(second.get(i)));
      assertThat(Files.readAllBytes(first.get(i))).isEqualTo(Files.readAllBytes(second.get(i)));
    }
  }

  @Test
  void anotherSeedGivesOtherText() {
    assertThat(new SyntheticBook(1, 27).chapter(3, 0))
        .isNotEqualTo(new SyntheticBook(2, 27).chapter(3, 0));
  }

  @Test
  void chaptersHaveTheShapeOfATutorialChapter() {
    SyntheticBook book = new SyntheticBook(7, 270);
    for (int i : new int[] {1, 2, 135, 270}) {
      String md = book.chapter(i, 0);
      assertThat(proseWords(md)).as("words in chapter %d", i).isBetween(2_700, 3_300);
      assertThat(codeBlocks(md)).as("code blocks in chapter %d", i).isBetween(22, 28);
      assertThat(md)
          .startsWith("---\ntitle: ")
          .contains("\n| --- | --- | --- |\n")
          .contains("\n   - Check the ")
          .contains("[^note-" + i + "]: ")
          .containsPattern("!\\[Figure \\d+: [^]]+\\]\\(\\.\\./images/figure-\\d\\.png\\)");
    }
  }

  @Test
  void linksPointAtExistingChaptersAndHeadings() {
    SyntheticBook book = new SyntheticBook(7, 27);
    String md = book.chapter(5, 0);
    Matcher m = LINK.matcher(md);
    int links = 0;
    while (m.find()) {
      links++;
      int target = Integer.parseInt(m.group(1).substring(3, 7));
      assertThat(target).isBetween(1, 27);
      if (m.group(2) != null) {
        assertThat(book.chapter(target, 0))
            .contains("\n## ")
            .containsPattern(
                "(?m)^## " + Pattern.quote(headingFor(book.chapter(target, 0), m.group(2))) + "$");
      }
    }
    assertThat(links).isEqualTo(2);
  }

  @Test
  void anEditChangesOnlyThatChapterAndNotItsTitle() {
    SyntheticBook book = new SyntheticBook(7, 27);
    String before = book.chapter(9, 0);
    String after = book.chapter(9, 3);
    assertThat(after).isNotEqualTo(before).contains("revised in edit 3");
    assertThat(after.lines().limit(3).toList()).isEqualTo(before.lines().limit(3).toList());
    assertThat(book.chapter(10, 0)).isEqualTo(new SyntheticBook(7, 27).chapter(10, 0));
  }

  @Test
  void theWarmUpBookListsOnlyItsFirstChapters(@TempDir Path dir) throws Exception {
    SyntheticBook book = new SyntheticBook(7, 27);
    assertThat(book.writeTo(dir, 3)).hasSize(1 + SyntheticBook.FIGURES + 3);
    assertThat(book.bookYml(3).lines().filter(l -> l.startsWith("  - chapters/")).count())
        .isEqualTo(3);
    assertThat(Files.readString(dir.resolve("chapters/ch-0003.md"))).isEqualTo(book.chapter(3, 0));
  }

  @Test
  void bookYmlListsEveryChapterUnderTheBenchId() {
    String yml = new SyntheticBook(7, 27).bookYml();
    assertThat(yml).startsWith("id: bench-27\n").contains("  - chapters/ch-0027.md\n");
    assertThat(yml.lines().filter(l -> l.startsWith("  - chapters/")).count()).isEqualTo(27);
  }

  private static String headingFor(String md, String anchor) {
    return md.lines()
        .filter(l -> l.startsWith("## "))
        .map(l -> l.substring(3))
        .filter(h -> Prose.anchor(h).equals(anchor))
        .findFirst()
        .orElse("<no heading with anchor " + anchor + ">");
  }

  static int codeBlocks(String md) {
    return SyntheticBookWords.codeBlocks(md);
  }

  static int proseWords(String md) {
    return SyntheticBookWords.prose(md);
  }
}
