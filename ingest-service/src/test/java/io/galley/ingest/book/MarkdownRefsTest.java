package io.galley.ingest.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MarkdownRefsTest {

  @Test
  void findsEveryReferenceStyle() {
    String md =
        """
        # One
        ![inline](../img/a.png "title") [next](b.md#x) [web](https://e.org/c.md)
        ![ref][logo] ![logo] <img alt="x" src='b.svg'>
          [logo]: <../img/c.webp>
        `![code](missing.png)` [also](d.md) [mail](mailto:x@y.md)
        """;
    // a link reference definition cannot interrupt a paragraph: "[logo]: ..." here is text, and
    // ![ref][logo] and ![logo] are not images (the regex scanner took them for c.webp)
    assertThat(refs(MarkdownRefs.images(md))).containsExactly("../img/a.png@2", "b.svg@3");
    assertThat(refs(MarkdownRefs.chapterLinks(md))).containsExactly("b.md@2", "d.md@5");

    String defined = md.replace("\n  [logo]", "\n\n  [logo]");
    // a reference-style image counts once, at its definition, where its path is written
    assertThat(refs(MarkdownRefs.images(defined)))
        .containsExactly("../img/a.png@2", "b.svg@3", "../img/c.webp@5");
  }

  @Test
  void findsNoReferenceInAnyKindOfCode() {
    String md =
        """
        Prose.

            ![indented](indented.png) [i](indented.md)

        ````markdown
        ```
        ![fenced](fenced.png) [f](fenced.md)
        ```
        <img src="fenced.svg">
        ````

        ~~~
        ![tilde](tilde.png)
        ~~~

        Text ``a ` ![span](span.png) [s](span.md) ` b`` and `![one](one.png)`.

        ![real](real.png)
        """;
    // the regex scanner took the 4-backtick fence to end at its inner ```, saw no indented code,
    // and paired the backticks of the double-backtick span wrongly: all of these were references
    assertThat(refs(MarkdownRefs.images(md))).containsExactly("real.png@18");
    assertThat(MarkdownRefs.chapterLinks(md)).isEmpty();
  }

  @Test
  void findsRawHtmlImagesAtTheirOwnLine() {
    String md =
        """
        <figure>
          <img alt="one"
               src="one.png">
          <IMG SRC="two.png">
        </figure>

        Inline <img src="three.png"> too.
        """;
    assertThat(refs(MarkdownRefs.images(md)))
        .containsExactly("one.png@2", "two.png@4", "three.png@7");
  }

  @Test
  void findsReferencesRenderResolvesThatTheScannerMissed() {
    String md =
        """
        [a reference link][next] and ![spaced](<my image.png>)

        | table | cell |
        |-------|------|
        | ![t](in-table.png) | [c](cell.md) |

        > quoted ![q](quote.png)

        [next]: ../next.md#top
        """;
    assertThat(refs(MarkdownRefs.images(md)))
        .containsExactly("my image.png@1", "in-table.png@5", "quote.png@7");
    assertThat(refs(MarkdownRefs.chapterLinks(md))).containsExactly("cell.md@5", "../next.md@9");
  }

  @Test
  void countsLinesAfterFrontMatterAndWithCrLf() {
    String chapter =
        "---\r\ntitle: T\r\n---\r\n# Heading\r\n\r\n```\r\n![c](code.png)\r\n```\r\n\r\n"
            + "Text\r\n![x](x.png) [n](n.md)\r\n";
    BookFiles files = BookFiles.of(Map.of("a.md", chapter.getBytes(StandardCharsets.UTF_8)));
    ParsedChapter parsed = new ChapterParser(1 << 20).parse(files, "a.md", "a.md", null);
    assertThat(parsed.images())
        .extracting(r -> r.target() + "@" + r.line())
        .containsExactly("x.png@11");
    assertThat(parsed.links())
        .extracting(r -> r.target() + "@" + r.line())
        .containsExactly("n.md@11");
  }

  @Test
  void countsLinesOfTheChapterPastALongParagraph() {
    // the source guard breaks paragraphs of more than 256 lines before parsing
    String md = "word\n".repeat(600) + "![x](x.png)\n";
    assertThat(refs(MarkdownRefs.images(md))).containsExactly("x.png@601");
  }

  @Test
  void takesTheFirstLevelOneHeadingAsWritten() {
    assertThat(MarkdownRefs.read("intro\n\n## Two\n\n# The `code` API #\n").firstHeading())
        .isEqualTo("The `code` API");
    assertThat(MarkdownRefs.read("Intro text\n\nThe\nTitle\n=====\n").firstHeading())
        .isEqualTo("The Title");
    assertThat(MarkdownRefs.read("```\n# not a heading\n```\n    # nor this\n").firstHeading())
        .isNull();
    assertThat(MarkdownRefs.read("> # quoted\n#\n\n# Real\r\n").firstHeading()).isEqualTo("Real");
  }

  @Test
  @Timeout(10)
  void staysLinearOnRunsOfBrackets() {
    int n = 400_000;
    List<String> hostile =
        List.of(
            "![".repeat(n) + "a" + "]".repeat(n),
            "[".repeat(n) + "](" + ")".repeat(n),
            "![a]".repeat(n) + "(",
            "[a\n".repeat(n) + "]",
            "<img ".repeat(n),
            "<img src=\"".repeat(n),
            "[".repeat(n) + "]" + "[".repeat(n));
    for (String md : hostile) {
      MarkdownRefs.images(md);
      MarkdownRefs.chapterLinks(md);
    }
  }

  @Test
  @Timeout(10)
  void findsManyReferenceStyleImagesInLinearTime() {
    StringBuilder md = new StringBuilder();
    for (int i = 0; i < 50_000; i++) {
      md.append("![a").append(i).append("]\n\n");
    }
    for (int i = 0; i < 50_000; i++) {
      // a blank line between: a block of thousands of '[' is read as plain text
      md.append("[a").append(i).append("]: x").append(i).append(".png\n\n");
    }
    List<MarkdownRefs.Ref> images = MarkdownRefs.images(md.toString());
    assertThat(images).hasSize(50_000);
    assertThat(images.get(49_999)).isEqualTo(new MarkdownRefs.Ref("x49999.png", 199_999));
  }

  private static List<String> refs(List<MarkdownRefs.Ref> refs) {
    return refs.stream().map(r -> r.target() + "@" + r.line()).toList();
  }
}
