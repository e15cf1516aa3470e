package io.galley.ingest.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MarkdownRefsTest {

  private static final String[] TOKENS = {
    "![",
    "[",
    "]",
    "(",
    ")",
    "](",
    "![a](",
    "x.png",
    "b.md",
    "c.md#s",
    "http://e.org/d.md",
    " ",
    "\n",
    "\r\n",
    "\r",
    "\u2028",
    "\u0085",
    "   [",
    "    [",
    "]:",
    "]: ",
    "<",
    ">",
    "<img ",
    "<IMG",
    "<image ",
    "src=",
    " src = \"",
    "'",
    "\"",
    "`",
    "```\n",
    "~~~\n",
    "#",
    "a",
    "Z",
    "logo",
    "][",
    " ```",
    "\t~~~",
    "\u3000```",
    "``",
    "x ```",
    "] [",
    "!",
    "\t",
    "\"t\"",
    "(t)",
    "< y.png >",
    "_src=\"q.png\""
  };

  @Test
  void findsWhatTheRegexScanFoundOnRandomMarkdown() {
    Random random = new Random(9);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      int n = 1 + random.nextInt(40);
      for (int j = 0; j < n; j++) {
        text.append(TOKENS[random.nextInt(TOKENS.length)]);
      }
      String md = text.toString();
      assertThat(MarkdownRefs.maskCode(md)).as(md).isEqualTo(LegacyMarkdownRefs.maskCode(md));
      assertThat(refs(MarkdownRefs.images(md)))
          .as(md)
          .isEqualTo(legacy(LegacyMarkdownRefs.images(md)));
      assertThat(refs(MarkdownRefs.chapterLinks(md)))
          .as(md)
          .isEqualTo(legacy(LegacyMarkdownRefs.chapterLinks(md)));
    }
  }

  @Test
  void findsEveryReferenceStyle() {
    String md =
        """
        # One
        ![inline](../img/a.png "title") [next](b.md#x) [web](https://e.org/c.md)
        ![ref][logo] ![logo] <img alt="x" src='b.svg'>
          [logo]: <../img/c.webp>
        `![code](missing.png)` [also](d.md)
        """;
    assertThat(refs(MarkdownRefs.images(md)))
        .containsExactly("../img/a.png@6", "b.svg@100", "../img/c.webp@126")
        .isEqualTo(legacy(LegacyMarkdownRefs.images(md)));
    assertThat(refs(MarkdownRefs.chapterLinks(md)))
        .extracting(r -> r.substring(0, r.indexOf('@')))
        .containsExactly("b.md", "d.md");
    assertThat(refs(MarkdownRefs.chapterLinks(md)))
        .isEqualTo(legacy(LegacyMarkdownRefs.chapterLinks(md)));
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

  private static List<String> refs(List<MarkdownRefs.Ref> refs) {
    return refs.stream().map(r -> r.target() + "@" + r.offset()).toList();
  }

  private static List<String> legacy(List<LegacyMarkdownRefs.Ref> refs) {
    return refs.stream().map(r -> r.target() + "@" + r.offset()).toList();
  }
}
