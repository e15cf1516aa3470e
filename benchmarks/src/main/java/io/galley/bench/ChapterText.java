package io.galley.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The Markdown of one synthetic chapter: ~3,000 words, 25 code blocks, a table, lists, a footnote,
 * an image, links.
 */
final class ChapterText {

  static final int SECTIONS = 5;
  static final int BLOCKS_PER_SECTION = 5;

  private final SyntheticBook book;
  private final int index;

  ChapterText(SyntheticBook book, int index) {
    this.book = book;
    this.index = index;
  }

  /**
   * The chapter title and its section titles, from their own random stream so links can name them.
   */
  static List<String> outline(long seed, int index) {
    Prose prose = new Prose(new Random(seed * 1_000_003L + index * 7_919L + 1));
    Set<String> titles = new LinkedHashSet<>();
    while (titles.size() < SECTIONS + 1) {
      titles.add(prose.title());
    }
    return new ArrayList<>(titles);
  }

  String markdown(int revision) {
    List<String> outline = outline(book.seed(), index);
    Random random = new Random(book.seed() * 31L + index);
    Prose prose = new Prose(random);
    CodeSamples code = new CodeSamples(random);
    String title = outline.get(0);
    StringBuilder md = new StringBuilder();
    md.append("---\ntitle: \"")
        .append(title)
        .append("\"\norder: ")
        .append(index)
        .append("\nsummary: \"")
        .append(prose.sentence())
        .append("\"\n---\n\n");
    md.append("# ").append(title).append("\n\n");
    md.append(prose.paragraph(110)).append("[^note-").append(index).append(']');
    if (revision > 0) {
      md.append(" This paragraph was revised in edit ").append(revision).append('.');
    }
    md.append("\n\n").append(links()).append("\n\n");
    int block = 0;
    for (int s = 1; s <= SECTIONS; s++) {
      md.append("## ")
          .append(outline.get(s))
          .append("\n\n")
          .append(prose.paragraph(60))
          .append("\n\n");
      if (s == 1) {
        int figure = index % SyntheticBook.FIGURES;
        md.append("![Figure ")
            .append(index)
            .append(": how the ")
            .append(prose.noun())
            .append(" fits together](../images/")
            .append(SyntheticBook.figureName(figure))
            .append(")\n\n");
      } else if (s == 2) {
        md.append(table(prose)).append("\n\n");
      } else if (s == 3) {
        md.append(nestedList(prose)).append("\n\n");
      }
      for (int b = 1; b <= BLOCKS_PER_SECTION; b++) {
        block++;
        if (b % 2 == 0) {
          md.append("### Using ")
              .append(prose.noun())
              .append("s ")
              .append(s)
              .append(' ')
              .append(b)
              .append("\n\n");
        }
        md.append(prose.paragraph(88))
            .append("\n\n")
            .append(code.block(index, block))
            .append("\n\n");
      }
    }
    md.append("[^note-").append(index).append("]: ").append(prose.sentence()).append('\n');
    return md.toString();
  }

  private String links() {
    int n = book.chapters();
    int previous = index == 1 ? n : index - 1;
    int further = (index * 7) % n + 1;
    String previousSection = outline(book.seed(), previous).get(2);
    String furtherTitle = outline(book.seed(), further).get(0);
    return "This chapter builds on ["
        + previousSection
        + "]("
        + SyntheticBook.chapterFile(previous)
        + "#"
        + Prose.anchor(previousSection)
        + ") and prepares the ground for ["
        + furtherTitle
        + "]("
        + SyntheticBook.chapterFile(further)
        + ").";
  }

  private static String table(Prose prose) {
    StringBuilder t =
        new StringBuilder("| Construct | Zero value | Typical use |\n| --- | --- | --- |\n");
    for (int r = 0; r < 5; r++) {
      t.append("| `")
          .append(prose.noun().replace(' ', '_'))
          .append("` | ")
          .append(r % 2 == 0 ? "`nil`" : "`0`")
          .append(" | ")
          .append(
              prose.pick(
                  List.of(
                      "shared state",
                      "cancellation",
                      "fan-out",
                      "parsing input",
                      "tests",
                      "configuration")))
          .append(" |\n");
    }
    return t.toString().stripTrailing();
  }

  private static String nestedList(Prose prose) {
    StringBuilder l = new StringBuilder();
    for (int i = 1; i <= 4; i++) {
      l.append(i)
          .append(". Prefer the ")
          .append(prose.noun())
          .append(" when the ")
          .append(prose.noun())
          .append(" is shared.\n");
      for (int j = 0; j < 2; j++) {
        l.append("   - Check the ").append(prose.noun()).append(" before you return it.\n");
      }
    }
    return l.toString().stripTrailing();
  }
}
