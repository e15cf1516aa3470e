package io.galley.ingest.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.Problem;
import io.galley.ingest.validation.Problems;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Careless editor input in front matter, book.yml, book.toml and file names: each is a problem at
 * {@code file:line} that says what to write instead, never an exception.
 */
class CarelessInputTest {

  private final BookLoader loader = new BookLoader(100_000, 100_000);

  private record Loaded(Book book, List<String> problems) {}

  private Loaded load(Files files) {
    Problems problems = new Problems();
    BookFiles built = files.build();
    Book book = loader.load(built, "", BookIds.of(built, "", "repo"), problems).orElse(null);
    return new Loaded(book, problems.all().stream().map(Problem::toString).toList());
  }

  private static Files book(String chapter) {
    return Files.of().text("book.yml", "title: T\n").text("a.md", chapter);
  }

  @Test
  void warnsAboutAKeyWithNoValue() {
    Loaded l =
        load(
            book(
                """
                ---
                title: A
                summary:
                ---
                # A
                """));
    assertThat(l.book()).isNotNull();
    assertThat(l.problems())
        .containsExactly(
            "a.md:3: warning: front matter key summary has no value; write summary: <text> or"
                + " remove the line");
  }

  @Test
  void takesANumberTitleAsTextWithAWarning() {
    Loaded l = load(book("---\ntitle: 123\n---\nText\n"));
    assertThat(l.book().chapters().get(0).title()).isEqualTo("123");
    assertThat(l.problems())
        .containsExactly(
            "a.md:2: warning: front matter key title is 123, not text; quote it: title: \"123\"");
  }

  @Test
  void rejectsAListWhereATitleIsExpected() {
    Loaded l = load(book("---\nslug: a\ntitle: [one, two]\n---\nText\n"));
    assertThat(l.book()).isNull();
    assertThat(l.problems())
        .containsExactly(
            "a.md:3: front matter key title must be one text value, got a list; write title:"
                + " <text>");
  }

  @Test
  void rejectsAnOrderThatIsNoNumberAtItsLine() {
    Loaded l =
        load(
            Files.of()
                .text("a.md", "---\ntitle: A\norder: \"x\"\n---\n")
                .text("b.md", "---\norder: \"2\"\n---\n# B\n"));
    assertThat(l.problems())
        .containsExactly(
            "a.md:3: front matter order must be a number, got x; write order: 3",
            "b.md:2: warning: front matter order is quoted; write order: 2 (a number)");
  }

  @Test
  void rejectsSlugsAndIdsUnsafeInFileNamesAndUrls() {
    Loaded l =
        load(
            Files.of()
                .text("book.yml", "title: T\nid: ../../etc\n")
                .text("a.md", "---\nslug: a/b c\n---\n# A\n"));
    assertThat(l.book()).isNull();
    assertThat(l.problems())
        .containsExactly(
            "a.md:2: front matter key slug is a/b c, which is unsafe in file names and URLs (use"
                + " letters, digits, '-', '_' and '.', no '/' or '..'); write slug: a-b-c",
            "book.yml:2: book.yml key id is ../../etc, which is unsafe in file names and URLs (use"
                + " letters, digits, '-', '_' and '.', no '/' or '..'); write id: etc");
    BookFiles files = Files.of().text("book.yml", "title: T\nid: ../../etc\n").build();
    assertThat(BookIds.of(files, "", "repo")).isEqualTo("repo");
  }

  @Test
  void acceptsOneAuthorOrChapterWrittenWithoutAListWithAWarning() {
    Loaded l =
        load(
            Files.of()
                .text(
                    "book.yml",
                    """
                    title: T
                    authors: Ada
                    chapters: a.md
                    strictLinks: maybe
                    """)
                .text("a.md", "# A\n"));
    assertThat(l.book().metadata().authors()).containsExactly("Ada");
    assertThat(l.book().chapters()).extracting(Chapter::docId).containsExactly("a");
    assertThat(l.problems())
        .containsExactly(
            "book.yml:2: warning: book.yml key authors should be a list; write authors: [Ada]",
            "book.yml:3: warning: book.yml key chapters should be a list; write chapters: [a.md]",
            "book.yml:4: warning: book.yml key strictLinks must be true or false, got maybe;"
                + " taken as false");
  }

  @Test
  void rejectsBookYmlWithANullTitleAtItsLine() {
    Loaded l = load(Files.of().text("book.yml", "id: x\ntitle:\n").text("a.md", "# A\n"));
    assertThat(l.problems())
        .containsExactly(
            "book.yml:2: book.yml key title has no value; write title: <text> or remove the line");
  }

  @Test
  void rejectsChaptersAndImagesThatDifferOnlyByUnicodeNormalisation() {
    Loaded l =
        load(
            Files.of()
                .text("book.yml", "title: T\n")
                .text("caf\u00e9.md", "# One\n")
                .text("cafe\u0301.md", "# Two\n"));
    assertThat(l.book()).isNull();
    assertThat(l.problems())
        .singleElement()
        .asString()
        .contains(
            ".md: file name differs from caf",
            ".md only by Unicode normalisation (NFC/NFD), so the two are one file on macOS and"
                + " in URLs; rename or delete one (save names in NFC, the usual form)");
  }

  @Test
  void rejectsAChapterFileNameUnsafeInUrls() {
    Loaded l =
        load(Files.of().text("SUMMARY.md", "# S\n\n- [Q](what?.md)\n").text("what?.md", "# Q\n"));
    assertThat(l.problems())
        .contains(
            "SUMMARY.md:3: chapter file what?.md has '?' in its name, which is unsafe in URLs and"
                + " file names; rename it using letters, digits, '-', '_' and '.'");
  }

  @Test
  void readsBookTomlArraysOverSeveralLines() {
    Loaded l =
        load(
            Files.of()
                .text(
                    "book.toml",
                    """
                    [book]
                    title = "Multi # not a comment"
                    authors = [
                      "Ada Lovelace",  # the first
                      "Bob",
                    ]
                    language = "en"
                    """)
                .text("src/SUMMARY.md", "- [A](a.md)\n")
                .text("src/a.md", "# A\n"));
    assertThat(l.problems()).isEmpty();
    assertThat(l.book().metadata().title()).isEqualTo("Multi # not a comment");
    assertThat(l.book().metadata().authors()).containsExactly("Ada Lovelace", "Bob");
    assertThat(l.book().metadata().language()).isEqualTo("en");
  }

  @Test
  void rejectsMalformedOrMistypedBookToml() {
    Loaded bad =
        load(
            Files.of()
                .text("book.toml", "[book]\ntitle = \"T\"\nauthors = [\"a\",\n")
                .text("a.md", "# A\n"));
    assertThat(bad.problems()).singleElement().asString().startsWith("book.toml:");
    assertThat(bad.problems().get(0)).contains("malformed book.toml");
    Loaded typed =
        load(
            Files.of()
                .text("book.toml", "[book]\ntitle = 42\nauthors = [{ name = \"x\" }]\n")
                .text("a.md", "# A\n"));
    assertThat(typed.problems())
        .containsExactly(
            "book.toml:3: book.toml key authors must list texts only, got a map in the list",
            "book.toml:2: warning: book.toml key title is 42, not text; quote it: title: \"42\"");
  }
}
