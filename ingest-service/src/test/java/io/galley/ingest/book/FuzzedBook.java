package io.galley.ingest.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.Problem;
import io.galley.ingest.validation.Problems;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The book the reader fuzz tests load: one file is the fuzzer's input, beside chapters inside and
 * outside the book folder that the input may name. Loading it must give a book or problems, never
 * an exception, and never a chapter outside the book folder.
 */
final class FuzzedBook {

  /** Larger inputs are skipped: the size limits are tested elsewhere, cost per byte is the aim. */
  static final int MAX_INPUT = 64 * 1024;

  static final String FOLDER = "book";

  private static final BookLoader LOADER = new BookLoader(2 * 1024 * 1024, 1024 * 1024, 0);

  private FuzzedBook() {}

  /** Loads the book with {@code file} (relative to the book folder) holding {@code input}. */
  static Problems load(String file, byte[] input) {
    Map<String, byte[]> files = new HashMap<>();
    files.put(FOLDER + "/" + file, input);
    files.put(FOLDER + "/intro.md", utf8("# Intro\n\nSee [setup](guide/setup.md).\n"));
    files.put(FOLDER + "/guide/setup.md", utf8("---\ntitle: Setup\norder: 2\n---\n# Setup\n"));
    files.put(FOLDER + "/src/chapter.md", utf8("# In src\n"));
    files.put(FOLDER + "/src/SUMMARY.md", utf8("# Summary\n\n- [In src](chapter.md)\n"));
    files.put("outside.md", utf8("# Outside the book\n"));
    BookFiles tree = BookFiles.of(files);

    Problems problems = new Problems();
    String id = BookIds.of(tree, FOLDER, "repo");
    Optional<Book> book = LOADER.load(tree, FOLDER, id, problems);

    assertThat(id).isNotNull();
    assertThat(book.isPresent())
        .as("a book is loaded iff no error")
        .isEqualTo(!problems.hasErrors());
    for (Problem p : problems.recorded()) {
      assertThat(p.path()).isNotNull();
      assertThat(p.message()).isNotBlank();
    }
    for (Chapter c : book.map(Book::chapters).orElse(java.util.List.of())) {
      assertThat(c.path()).as("chapter path").startsWith(FOLDER + "/");
      assertThat(tree.exists(c.path())).as("chapter %s exists", c.path()).isTrue();
    }
    return problems;
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
