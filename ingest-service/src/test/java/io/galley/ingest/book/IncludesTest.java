package io.galley.ingest.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.Problem;
import io.galley.ingest.validation.Problems;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IncludesTest {

  private static final String CODE =
      """
      package main
      // ANCHOR: main
      func main() {
      \t// ANCHOR: body
      \tprintln("hi")
      \t// ANCHOR_END: body
      }
      // ANCHOR_END: main
      """;

  private final BookLoader loader = new BookLoader(64 * 1024, 1 << 20);

  private record Loaded(Optional<Book> book, List<String> problems) {
    String markdown(int chapter) {
      return book.orElseThrow().chapters().get(chapter).markdown();
    }
  }

  private Loaded load(Files files) {
    Problems problems = new Problems();
    Optional<Book> book = loader.load(files.build(), "book", "book", problems);
    return new Loaded(book, problems.all().stream().map(Problem::toString).toList());
  }

  private static Files book(String chapter) {
    // a title in book.yml: a guessed one would add a warning to the problems these tests count
    return Files.of()
        .text("book/book.yml", "title: Includes\n")
        .text("book/SUMMARY.md", "# Summary\n\n- [A](ch/a.md)\n")
        .text("book/ch/a.md", chapter)
        .text("book/src/main.go", CODE)
        .text("secret.txt", "top secret\n");
  }

  @Test
  void includesWholeFilesLineRangesAndAnchorsInsideCodeFences() {
    Loaded loaded =
        load(
            book(
                """
                # A

                ```go
                {{#include ../src/main.go}}
                ```
                Line 1: {{#include ../src/main.go:1}}
                Lines 3 to 3: {{#include ../src/main.go:3:3}}
                From 7: {{#include ../src/main.go:7:}}
                First 1: {{#include ../src/main.go::1}}
                ```go
                {{#include ../src/main.go:main}}
                ```
                Body: {{#include ../src/main.go:body}}
                Kept: \\{{#include nothing.go}}
                """));
    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.markdown(0))
        .contains("```go\n" + CODE.stripTrailing() + "\n```")
        .contains("Line 1: package main\n")
        .contains("Lines 3 to 3: func main() {\n")
        .contains("From 7: }\n// ANCHOR_END: main\n")
        .contains("First 1: package main\n")
        .contains("```go\nfunc main() {\n\tprintln(\"hi\")\n}\n```")
        .contains("Body: \tprintln(\"hi\")\n")
        .contains("Kept: {{#include nothing.go}}")
        .doesNotContain("{{#include ../");
  }

  @Test
  void resolvesNestedIncludesRelativeToTheIncludedFile() {
    Loaded loaded =
        load(
            book("# A\n\n{{#include parts/one.md}}\n")
                .text("book/ch/parts/one.md", "One.\n{{#include two.md}}\n")
                .text("book/ch/parts/two.md", "Two.\n"));
    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.markdown(0)).isEqualTo("# A\n\nOne.\nTwo.\n");
  }

  @Test
  void takesTheTitleDirectiveAsTheChapterTitle() {
    Loaded loaded = load(book("{{#title The Real Title}}\n# Heading\n"));
    Chapter chapter = loaded.book().orElseThrow().chapters().get(0);
    assertThat(chapter.title()).isEqualTo("The Real Title");
    assertThat(chapter.markdown()).isEqualTo("\n# Heading\n");
  }

  @Test
  void reportsMissingFilesEscapesAnchorsAndCyclesAtTheirLine() {
    Loaded loaded =
        load(
            book("""
                    # A

                    {{#include missing.rs}}
                    {{#include ../../secret.txt}}
                    {{#include /etc/passwd}}
                    {{#include ../src/main.go:nowhere}}
                    {{#include loop.md}}
                    """)
                .text("book/ch/loop.md", "x\n{{#include a.md}}\n"));
    assertThat(loaded.book()).isEmpty();
    assertThat(loaded.problems())
        .containsExactly(
            "book/ch/a.md:3: include of missing file missing.rs",
            "book/ch/a.md:4: include of ../../secret.txt leads outside the book folder",
            "book/ch/a.md:5: include of /etc/passwd leads outside the book folder",
            "book/ch/a.md:6: no ANCHOR: nowhere in ../src/main.go",
            "book/ch/loop.md:2: include cycle: book/ch/a.md -> book/ch/loop.md -> book/ch/a.md");
  }

  @Test
  void countsLinesAfterFrontMatter() {
    Loaded loaded = load(book("---\ntitle: A\n---\ntext\n{{#include gone.md}}\n"));
    assertThat(loaded.problems())
        .containsExactly("book/ch/a.md:5: include of missing file gone.md");
  }

  @Test
  void boundsTheDepthAndTheIncludedBytes() {
    Files deep = book("# A\n{{#include d0.md}}\n");
    for (int i = 0; i < 12; i++) {
      deep.text("book/ch/d" + i + ".md", "{{#include d" + (i + 1) + ".md}}\n");
    }
    assertThat(load(deep).problems())
        .containsExactly(
            "book/ch/d9.md:1: includes nest more than " + Includes.MAX_DEPTH + " deep at d10.md");

    String many = "{{#include big.txt}}\n".repeat(20);
    Loaded big = load(book("# A\n" + many).text("book/ch/big.txt", "x".repeat(5000)));
    assertThat(big.problems())
        .first()
        .asString()
        .contains("included text passes the chapter size limit of 65536 bytes");
  }

  @Test
  void seesAChangeToAnIncludedFileThoughTheChapterIsCached() {
    Files first = book("# A\n{{#include part.md}}\n").text("book/ch/part.md", "Old.\n");
    Loaded before = load(first);
    Loaded after = load(first.text("book/ch/part.md", "New.\n"));
    assertThat(before.markdown(0)).isEqualTo("# A\nOld.\n");
    assertThat(after.markdown(0)).isEqualTo("# A\nNew.\n");
    assertThat(after.book().orElseThrow().chapters().get(0).sha256())
        .isNotEqualTo(before.book().orElseThrow().chapters().get(0).sha256());
    Loaded fixed = load(book("# A\n{{#include late.md}}\n"));
    assertThat(fixed.problems()).hasSize(1);
    Loaded added = load(book("# A\n{{#include late.md}}\n").text("book/ch/late.md", "Late.\n"));
    assertThat(added.problems()).isEmpty();
    assertThat(added.markdown(0)).isEqualTo("# A\nLate.\n");
  }
}
