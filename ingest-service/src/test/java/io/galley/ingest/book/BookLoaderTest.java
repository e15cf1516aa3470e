package io.galley.ingest.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.PrintSettings;
import io.galley.events.Problem;
import io.galley.ingest.validation.Problems;
import io.galley.testsupport.TestImages;
import java.awt.Color;
import java.util.List;
import org.junit.jupiter.api.Test;

class BookLoaderTest {

  private final BookLoader loader = new BookLoader(2 * 1024 * 1024, 10 * 1024 * 1024);

  private Book load(Files files, String folder) {
    Problems problems = new Problems();
    BookFiles built = files.build();
    Book book =
        loader.load(built, folder, BookIds.of(built, folder, "repo"), problems).orElse(null);
    assertThat(problems.all()).filteredOn(p -> p.severity().name().equals("ERROR")).isEmpty();
    return book;
  }

  private static List<String> docIds(Book book) {
    return book.chapters().stream().map(Chapter::docId).toList();
  }

  @Test
  void readsBookYmlMetadataAndChapterOrder() {
    Book book =
        load(
            Files.of()
                .text(
                    "guide/book.yml",
                    """
            id: go-guide
            title: The Go Guide
            subtitle: Small
            authors: [Ada, Bob]
            language: de
            pageSize: LETTER
            cover: img/cover.png
            chapters: [b.md, a.md]
            """)
                .bytes("guide/img/cover.png", TestImages.png(4, 4, Color.RED))
                .text("guide/a.md", "# Alpha\n")
                .text("guide/b.md", "# Beta\n"),
            "guide");
    assertThat(book.id()).isEqualTo("go-guide");
    assertThat(book.metadata().title()).isEqualTo("The Go Guide");
    assertThat(book.metadata().authors()).containsExactly("Ada", "Bob");
    assertThat(book.metadata().language()).isEqualTo("de");
    assertThat(book.metadata().pageSize()).isEqualTo("LETTER");
    assertThat(book.metadata().cover()).isEqualTo("img/cover.png");
    assertThat(docIds(book)).containsExactly("b", "a");
    assertThat(book.assets()).hasSize(1);
  }

  @Test
  void readsThePrintSettingsOfBookYmlWithDefaultsForTheOnesItLeavesOut() {
    Book set =
        load(
            Files.of()
                .text("b/book.yml", "title: T\njustify: false\npageReferences: true\n")
                .text("b/a.md", "# Alpha\n"),
            "b");
    assertThat(set.metadata().printSettings()).isEqualTo(new PrintSettings(false, true, true));
    Book unset =
        load(
            Files.of().text("b/book.yml", "title: T\nhyphenate: false\n").text("b/a.md", "# A\n"),
            "b");
    assertThat(unset.metadata().printSettings()).isEqualTo(new PrintSettings(true, false, false));
    Book plain = load(Files.of().text("b/book.yml", "title: T\n").text("b/a.md", "# A\n"), "b");
    assertThat(plain.metadata().printSettings()).isEqualTo(PrintSettings.DEFAULTS);
    assertThat(plain.metadata().print()).as("left out of the event").isNull();
  }

  @Test
  void readsNestedSummaryWithPartsDraftsAndPrefixChapter() {
    Book book =
        load(
            Files.of()
                .text(
                    "SUMMARY.md",
                    """
            # Summary

            [Introduction](README.md)

            # Part One

            - [Getting started](start/index.md)
              - [Install](start/install.md)
                * [Draft page]()
            # Part Two
            * [Usage](usage.md#top)
            """)
                .text("README.md", "Hello\n")
                .text("start/index.md", "# Start\n")
                .text("start/install.md", "# Install it\n")
                .text("usage.md", "---\ntitle: Using\n---\nbody\n")
                .text("unlisted.md", "# Not in summary\n"),
            "");
    assertThat(docIds(book)).containsExactly("README", "start/index", "start/install", "usage");
    assertThat(book.chapters().get(0).title()).isEqualTo("Introduction");
    assertThat(book.chapters().get(3).title()).isEqualTo("Using");
    assertThat(book.id()).isEqualTo("repo");
    assertThat(book.metadata().title()).isEqualTo("Introduction");
  }

  @Test
  void takesBookTitleFromTheReadmeNotFromTheSummaryHeading() {
    Book book =
        load(
            Files.of()
                .text("b/SUMMARY.md", "# Rust by Example\n\n- [One](one.md)\n")
                .text("b/README.md", "Some words.\n\n# Rust, by Example\n")
                .text("b/one.md", "# One\n"),
            "b");
    assertThat(book.id()).isEqualTo("b");
    assertThat(book.metadata().title()).isEqualTo("Rust, by Example");
  }

  @Test
  void readsMdBookLayoutWithBookToml() {
    Book book =
        load(
            Files.of()
                .text(
                    "rust/book.toml",
                    """
            [book]
            title = "The Rust Book"
            authors = ["Steve", "Carol"]
            language = "en"
            """)
                .text(
                    "rust/src/SUMMARY.md",
                    "# Summary\n\n- [Intro](intro.md)\n- [Ch 1](ch1/index.md)\n")
                .text("rust/src/intro.md", "# Intro\n")
                .text("rust/src/ch1/index.md", "# Chapter 1\n"),
            "rust");
    assertThat(book.metadata().title()).isEqualTo("The Rust Book");
    assertThat(book.metadata().authors()).containsExactly("Steve", "Carol");
    assertThat(docIds(book)).containsExactly("intro", "ch1/index");
    assertThat(book.chapters().get(1).path()).isEqualTo("rust/src/ch1/index.md");
  }

  @Test
  void ordersByFrontMatterOrderThenFileName() {
    Book book =
        load(
            Files.of()
                .text("book.yml", "title: T\n")
                .text("c.md", "---\norder: 1\n---\n# C\n")
                .text("a.md", "# A\n")
                .text("b.md", "# B\n")
                .text("README.md", "# Readme\n")
                .text("d.md", "---\norder: 2\ndraft: true\n---\n# D\n"),
            "");
    assertThat(docIds(book)).containsExactly("c", "a", "b");
  }

  @Test
  void titleComesFromSetextHeadingThenFileName() {
    Book book =
        load(
            Files.of()
                .text("book.yml", "title: T\n")
                .text("setext.md", "Intro text\n\nThe Title\n=========\n")
                .text("plain.md", "no heading here\n```\n# not a heading\n```\n"),
            "");
    assertThat(book.chapters()).extracting(Chapter::title).containsExactly("plain", "The Title");
  }

  @Test
  void discoversBooksAtRootOrInTopLevelFolders() {
    assertThat(
            BookDiscovery.discover(
                Files.of().text("SUMMARY.md", "").text("x/book.yml", "").build()))
        .containsExactly("");
    assertThat(
            BookDiscovery.discover(
                Files.of()
                    .text("a/book.yml", "title: A")
                    .text("b/SUMMARY.md", "")
                    .text("c/src/SUMMARY.md", "")
                    .text("d/readme.md", "")
                    .text("README.md", "")
                    .build()))
        .containsExactly("a", "b", "c");
  }

  @Test
  void resolvesImagesOfAllReferenceStyles() {
    byte[] png = TestImages.png(2, 2, Color.BLUE);
    Book book =
        load(
            Files.of()
                .text("book.yml", "title: T\n")
                .text(
                    "ch/one.md",
                    """
            # One
            ![inline](../img/a.png "title")
            ![ref][logo]
            <img src="b.svg" alt="x">
            ![remote](https://example.org/x.png)
            `![code](missing.png)`

            [logo]: ../img/c.webp
            """)
                .bytes("img/a.png", png)
                .text("ch/b.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>")
                .bytes("img/c.webp", ImageChecksTest.webpHeader(8, 8)),
            "");
    assertThat(book.chapters().get(0).assets())
        .extracting(a -> a.path() + " " + a.mediaType())
        .containsExactly("img/a.png image/png", "ch/b.svg image/svg+xml", "img/c.webp image/webp");
  }

  static List<Problem> problemsOf(BookLoader loader, Files files, String folder) {
    Problems problems = new Problems();
    BookFiles built = files.build();
    loader.load(built, folder, BookIds.of(built, folder, "repo"), problems);
    return problems.all();
  }
}
