package io.galley.ingest.book;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.galley.ingest.validation.Problems;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz test of the {@code book.toml} reader, through the book loader: any bytes become a book or
 * problems. Under plain JUnit it replays its seeds in {@code BookTomlFuzzTestInputs/bookToml/};
 * with {@code JAZZER_FUZZ=1} (the {@code fuzz} profile) Jazzer fuzzes it.
 */
class BookTomlFuzzTest {

  @FuzzTest(maxDuration = "5m")
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void bookToml(byte[] input) {
    if (input.length <= FuzzedBook.MAX_INPUT) {
      FuzzedBook.load("book.toml", input);
    }
  }

  /** Found by fuzzing (seed crash-src-parent-folder): src = "../" read the whole repository. */
  @Test
  void rejectsSrcOutsideTheBookFolder() {
    Problems problems =
        FuzzedBook.load("book.toml", FuzzedBook.utf8("[book]\ntitle = \"T\"\nsrc = \"../\"\n"));

    assertThat(problems.hasErrors()).isTrue();
    assertThat(problems.recorded())
        .anyMatch(p -> p.message().contains("src ../ leads outside the book folder"));
  }
}
