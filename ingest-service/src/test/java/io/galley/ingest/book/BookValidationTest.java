package io.galley.ingest.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.Problem;
import io.galley.testsupport.TestImages;
import java.awt.Color;
import java.util.List;
import org.junit.jupiter.api.Test;

class BookValidationTest {

  private final BookLoader loader = new BookLoader(1000, 500);

  private List<String> problems(Files files) {
    return BookLoaderTest.problemsOf(loader, files, "").stream().map(Problem::toString).toList();
  }

  private static Files book() {
    return Files.of().text("book.yml", "title: T\n");
  }

  @Test
  void rejectsMalformedFrontMatterAtTheParsersLine() {
    assertThat(problems(book().text("a.md", "---\ntitle: A\norder: [1\n---\n# A\n")))
        .singleElement()
        .asString()
        .isEqualTo(
            "a.md:3: malformed front matter: while parsing a flow sequence: "
                + "expected ',' or ']', but got <stream end>");
  }

  @Test
  void rejectsUnclosedFrontMatter() {
    assertThat(problems(book().text("a.md", "---\ntitle: A\n# A\n")))
        .containsExactly("a.md:1: front matter starts with --- but has no closing --- line");
  }

  @Test
  void rejectsEmptyTitle() {
    assertThat(problems(book().text("a.md", "---\ntitle: \"\"\n---\n# A\n")))
        .containsExactly(
            "a.md:2: front matter key title has no value; write title: <text> or remove the line");
  }

  @Test
  void rejectsBookYmlWithoutTitle() {
    assertThat(problems(Files.of().text("book.yml", "id: x\n").text("a.md", "# A\n")))
        .containsExactly("book.yml: book.yml has no title; add a line such as title: My Book");
  }

  @Test
  void rejectsDuplicateSlugs() {
    assertThat(
            problems(
                book()
                    .text("a.md", "---\nslug: same\n---\n# A\n")
                    .text("b.md", "---\nslug: same\n---\n# B\n")))
        .containsExactly("b.md:2: slug same is also used by a.md; slugs must be unique");
  }

  @Test
  void rejectsDuplicateDocIdsListedTwice() {
    assertThat(
            problems(
                Files.of()
                    .text("SUMMARY.md", "- [A](a.md)\n- [Again](a.md)\n")
                    .text("a.md", "# A\n")))
        .containsExactly(
            "SUMMARY.md:2: chapter a.md is listed twice; each chapter can appear once");
  }

  @Test
  void rejectsSummaryEntryForMissingFile() {
    assertThat(
            problems(
                Files.of()
                    .text("SUMMARY.md", "# S\n\n- [A](a.md)\n- [Gone](gone.md)\n")
                    .text("a.md", "# A\n")))
        .containsExactly(
            "SUMMARY.md:4: SUMMARY.md lists gone.md, which does not exist (looked for gone.md)");
  }

  @Test
  void rejectsMissingUnsupportedOversizedAndEscapingImages() {
    assertThat(
            problems(
                book()
                    .text(
                        "a.md",
                        "# A\n![x](nope.png)\n![y](pic.bmp)\n![z](big.png)\n![w](../../etc/x.png)\n")
                    .bytes("pic.bmp", new byte[] {1})
                    .bytes("big.png", new byte[600])))
        .containsExactly(
            "a.md:2: image nope.png not found (looked for nope.png)",
            "a.md:3: image pic.bmp has an unsupported type; use png, jpg, gif, svg or webp",
            "a.md:4: image big.png is 600 bytes; the limit is 500 bytes",
            "a.md:5: image ../../etc/x.png leads outside the book folder");
  }

  @Test
  void rejectsImageOutsideTheBookFolder() {
    List<Problem> found =
        BookLoaderTest.problemsOf(
            loader,
            Files.of()
                .text("b/book.yml", "title: B\n")
                .text("b/a.md", "# A\n\n![x](../shared/x.png)\n")
                .bytes("shared/x.png", TestImages.png(1, 1, Color.RED)),
            "b");
    assertThat(found)
        .extracting(Problem::toString)
        .containsExactly("b/a.md:3: image ../shared/x.png leads outside the book folder");
  }

  @Test
  void rejectsNonUtf8AtTheFirstBadLine() {
    byte[] bytes = "# A\nok\nbad \u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(problems(book().bytes("a.md", bytes)))
        .containsExactly(
            "a.md:3: file is not valid UTF-8; save it as UTF-8 (the first invalid byte is on this line)");
  }

  @Test
  void rejectsOversizedDocument() {
    assertThat(problems(book().text("a.md", "# A\n" + "x".repeat(2000))))
        .containsExactly("a.md: chapter is 2004 bytes; the limit is 1000 bytes");
  }

  @Test
  void warnsAboutLinksToMissingChaptersAndRemoteImages() {
    assertThat(
            problems(
                book()
                    .text(
                        "a.md",
                        "# A\n[ok](b.md#x) [gone](other.md) [anchor](other.md#x)\n![r](https://e.org/x.png)\n")
                    .text("b.md", "# B\n")))
        .containsExactly(
            "a.md:2: warning: link to missing chapter other.md",
            "a.md:2: warning: link to missing chapter other.md",
            "a.md:3: warning: remote image https://e.org/x.png is not fetched; editions link to it");
  }

  @Test
  void rejectsLinksToMissingChaptersWhenBookYmlAsksForStrictLinks() {
    assertThat(
            problems(
                Files.of()
                    .text("book.yml", "title: T\nstrictLinks: true\n")
                    .text("a.md", "# A\n[ok](b.md) [gone](other.md)\n")
                    .text("b.md", "# B\n")))
        .containsExactly(
            "a.md:2: link to missing chapter other.md (book.yml asks for strict links)");
  }

  @Test
  void rejectsBookWithoutChapters() {
    assertThat(problems(book()))
        .containsExactly("book.yml: the book has no chapters; add a Markdown file");
  }

  @Test
  void rejectsAnErrorThatFollowsOneHundredAndFiftyWarnings() {
    StringBuilder links = new StringBuilder("# A\n\n");
    for (int i = 1; i <= 150; i++) {
      links.append("[gone](gone").append(i).append(".md)\n");
    }
    // the links are checked after the chapters are read, the cover after the links
    Files files =
        Files.of()
            .text("book.yml", "title: T\ncover: missing.png\n")
            .text("a.md", links.toString());
    io.galley.ingest.validation.Problems problems = new io.galley.ingest.validation.Problems();
    BookFiles built = files.build();
    assertThat(new BookLoader(100_000, 500).load(built, "", "x", problems)).isEmpty();
    assertThat(problems.all().get(0).toString())
        .isEqualTo("book.yml: image missing.png not found (looked for missing.png)");
    assertThat(problems.warnings()).hasSize(101);
  }
}
