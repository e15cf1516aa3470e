package io.galley.ingest.book;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.galley.ingest.validation.Problems;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz test of the front-matter reader: any text after an opening {@code ---} becomes values and a
 * body, or problems, never an exception. Under plain JUnit it replays its seeds in {@code
 * FrontMatterFuzzTestInputs/frontMatter/}; with {@code JAZZER_FUZZ=1} Jazzer fuzzes it.
 */
class FrontMatterFuzzTest {

  private final FrontMatterParser parser = new FrontMatterParser();

  @FuzzTest(maxDuration = "5m")
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void frontMatter(byte[] input) {
    if (input.length > FuzzedBook.MAX_INPUT) {
      return;
    }
    String text = "---\n" + new String(input, StandardCharsets.UTF_8);
    Problems problems = new Problems();
    FrontMatter parsed = parser.parse(text, "a.md", problems);
    assertThat(text).endsWith(parsed.body());
    assertThat(parsed.lines()).isNotNegative();
    if (problems.hasErrors()) {
      assertThat(parsed.values()).as("values of a rejected front matter").isEmpty();
    }
  }
}
