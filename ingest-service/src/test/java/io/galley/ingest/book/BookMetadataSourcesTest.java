package io.galley.ingest.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.ChapterEntry;
import io.galley.events.Problem;
import io.galley.events.Severity;
import io.galley.ingest.validation.Problems;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where a book without book.yml gets its title, authors and language, and how book.yml's numbering
 * and contents depth reach the manifest.
 */
class BookMetadataSourcesTest {

  private final BookLoader loader = new BookLoader(1 << 20, 1 << 20);
  private final Problems problems = new Problems();

  private Book load(Files files) {
    Book book = loader.load(files.build(), "", "repo", problems).orElse(null);
    assertThat(problems.all()).filteredOn(p -> p.severity() == Severity.ERROR).isEmpty();
    return book;
  }

  private List<Problem> titleWarnings() {
    return problems.all().stream().filter(p -> p.message().contains("book's title")).toList();
  }

  @Test
  void readsBookTomlWithArraysOverSeveralLinesAndGuessesNothing() {
    Book book =
        load(
            Files.of()
                .text(
                    "book.toml",
                    """
                    [book]
                    title = "The Rust Book"   # a comment
                    authors = [
                      "Steve Klabnik",
                      "Carol Nichols",  # trailing comma next
                    ]
                    language = "de"
                    """)
                .text("src/SUMMARY.md", "# Summary\n\n- [One](one.md)\n")
                .text("src/one.md", "# One\n")
                .text("README.md", "# Not the title\n"));
    assertThat(book.metadata().title()).isEqualTo("The Rust Book");
    assertThat(book.metadata().authors()).containsExactly("Steve Klabnik", "Carol Nichols");
    assertThat(book.metadata().language()).isEqualTo("de");
    assertThat(titleWarnings()).isEmpty();
  }

  @Test
  void readsGitBookJsonTitleAuthorAndLanguage() {
    Book book =
        load(
            Files.of()
                .text(
                    "book.json",
                    "{\"title\": \"Pro Git\", \"author\": \"Scott\", \"language\": \"fr\"}")
                .text("SUMMARY.md", "# Summary\n\n- [One](one.md)\n")
                .text("one.md", "# One\n"));
    assertThat(book.metadata().title()).isEqualTo("Pro Git");
    assertThat(book.metadata().authors()).containsExactly("Scott");
    assertThat(book.metadata().language()).isEqualTo("fr");
    assertThat(titleWarnings()).isEmpty();
  }

  @Test
  void findsTheReadmeWhereGitbookYamlSaysItIs() {
    Book book =
        load(
            Files.of()
                .text(".gitbook.yaml", "root: ./docs/\nstructure:\n  readme: intro.md\n")
                .text("docs/intro.md", "---\ndescription: x\n---\n\nHandbook\n========\n")
                .text("SUMMARY.md", "# Contents\n\n- [One](one.md)\n")
                .text("one.md", "# One\n"));
    assertThat(book.metadata().title()).isEqualTo("Handbook");
    assertThat(titleWarnings())
        .singleElement()
        .satisfies(p -> assertThat(p.path() + ":" + p.line()).isEqualTo("docs/intro.md:5"));
  }

  @Test
  void neverTakesTheTitleFromTheContentsHeading() {
    Book book =
        load(
            Files.of()
                .text("SUMMARY.md", "# Rust by Example\n\n- [Hello](hello.md)\n")
                .text("hello.md", "# Hello World\n"));
    assertThat(book.metadata().title()).isEqualTo("Hello World");
    assertThat(titleWarnings())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Severity.WARNING);
              assertThat(p.path()).isEqualTo("hello.md");
              assertThat(p.message()).contains("first chapter");
            });
  }

  @Test
  void numbersNestedChaptersWhenBookYmlAsksButNotPrefixChapters() {
    Book book =
        load(
            Files.of()
                .text("book.yml", "title: T\nnumbering: true\ncontentsDepth: 2\n")
                .text(
                    "SUMMARY.md",
                    """
                    # Summary
                    [Preface](preface.md)
                    # Part I
                    - [A](a.md)
                        - [A1](a1.md)
                        - [A2](a2.md)
                            - [A2x](a2x.md)
                    # Part II
                    - [B](b.md)
                    """)
                .text("preface.md", "# Preface\n")
                .text("a.md", "# A\n")
                .text("a1.md", "# A1\n")
                .text("a2.md", "# A2\n")
                .text("a2x.md", "# A2x\n")
                .text("b.md", "# B\n"));
    assertThat(book.metadata().numbering()).isTrue();
    assertThat(book.metadata().contentsDepth()).isEqualTo(2);
    assertThat(book.entries())
        .extracting(ChapterEntry::number)
        .containsExactly(null, "1", "1.1", "1.2", "1.2.1", "2");
    assertThat(book.entries())
        .extracting(ChapterEntry::part)
        .containsExactly(null, "Part I", "Part I", "Part I", "Part I", "Part II");
    assertThat(book.entries()).extracting(ChapterEntry::depth).containsExactly(0, 0, 1, 1, 2, 0);
  }

  @Test
  void anUnusableContentsDepthIsAWarning() {
    Book book =
        load(Files.of().text("book.yml", "title: T\ncontentsDepth: 9\n").text("a.md", "# A\n"));
    assertThat(book.metadata().contentsDepth()).isZero();
    assertThat(problems.all())
        .singleElement()
        .satisfies(p -> assertThat(p.toString()).contains("book.yml:2", "contentsDepth", "1 to 3"));
  }
}
