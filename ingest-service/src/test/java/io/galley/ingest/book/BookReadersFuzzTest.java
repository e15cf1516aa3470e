package io.galley.ingest.book;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.galley.events.Problem;
import io.galley.ingest.validation.Problems;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz tests of the readers an editor's commit goes through: front matter, {@code book.yml}, {@code
 * SUMMARY.md} and {@code book.toml}. A reader must turn any text into a result plus problems, never
 * an exception, and never list a chapter outside the book folder. Under plain JUnit each method
 * replays its seeds in {@code BookReadersFuzzTestInputs/<method>/}; with {@code JAZZER_FUZZ=1} (the
 * {@code fuzz} profile) Jazzer fuzzes one method.
 */
class BookReadersFuzzTest {

  /** Larger inputs are skipped: the size limits are tested elsewhere, cost per byte is the aim. */
  static final int MAX_INPUT = 64 * 1024;

  static final String FOLDER = "book";

  private final BookLoader loader = new BookLoader(2 * 1024 * 1024, 1024 * 1024, 0);
  private final FrontMatterParser frontMatter = new FrontMatterParser();

  @FuzzTest(maxDuration = "5m")
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void frontMatter(byte[] input) {
    if (input.length > MAX_INPUT) {
      return;
    }
    String text = "---\n" + utf8(input);
    Problems problems = new Problems();
    FrontMatter parsed = frontMatter.parse(text, "a.md", problems);
    assertThat(text).endsWith(parsed.body());
    assertThat(parsed.lines()).isNotNegative();
    if (problems.hasErrors()) {
      assertThat(parsed.values()).as("values of a rejected front matter").isEmpty();
    }
  }

  @FuzzTest(maxDuration = "5m")
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void bookYml(byte[] input) {
    readBook("book.yml", input);
  }

  @FuzzTest(maxDuration = "5m")
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void summaryMd(byte[] input) {
    readBook("SUMMARY.md", input);
  }

  @FuzzTest(maxDuration = "5m")
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void bookToml(byte[] input) {
    readBook("book.toml", input);
  }

  /**
   * Loads a small book whose {@code file} is the fuzzer's input, beside chapters inside and outside
   * the book folder that the input may name.
   */
  private void readBook(String file, byte[] input) {
    if (input.length > MAX_INPUT) {
      return;
    }
    Map<String, byte[]> files = new HashMap<>();
    files.put(FOLDER + "/" + file, input);
    files.put(FOLDER + "/intro.md", utf8Bytes("# Intro\n\nSee [setup](guide/setup.md).\n"));
    files.put(FOLDER + "/guide/setup.md", utf8Bytes("---\ntitle: Setup\norder: 2\n---\n# Setup\n"));
    files.put(FOLDER + "/src/chapter.md", utf8Bytes("# In src\n"));
    files.put(FOLDER + "/src/SUMMARY.md", utf8Bytes("# Summary\n\n- [In src](chapter.md)\n"));
    files.put("outside.md", utf8Bytes("# Outside the book\n"));
    BookFiles tree = BookFiles.of(files);

    Problems problems = new Problems();
    String id = BookIds.of(tree, FOLDER, "repo");
    Optional<Book> book = loader.load(tree, FOLDER, id, problems);

    assertThat(id).isNotNull();
    assertThat(book.isPresent())
        .as("a book is loaded iff no error")
        .isEqualTo(!problems.hasErrors());
    for (Problem p : problems.recorded()) {
      assertThat(p.path()).isNotNull();
      assertThat(p.message()).isNotBlank();
    }
    book.ifPresent(
        b ->
            b.chapters()
                .forEach(
                    c -> {
                      assertThat(c.path()).as("chapter path").startsWith(FOLDER + "/");
                      assertThat(tree.exists(c.path())).as("chapter exists").isTrue();
                    }));
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static byte[] utf8Bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
