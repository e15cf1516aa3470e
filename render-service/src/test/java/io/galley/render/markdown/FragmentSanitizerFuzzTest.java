package io.galley.render.markdown;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz test of the sanitiser alone, on raw HTML (the converter's output is only a small part of
 * what HTML can say): whatever goes in, a safe, well-formed fragment comes out (see {@link
 * SafeXhtml}). Under plain JUnit it replays its seeds in {@code
 * FragmentSanitizerFuzzTestInputs/sanitizer/}; with {@code JAZZER_FUZZ=1} Jazzer fuzzes it.
 */
class FragmentSanitizerFuzzTest {

  private final FragmentSanitizer sanitizer = new FragmentSanitizer();

  @FuzzTest(maxDuration = "5m")
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void sanitizer(byte[] input) throws Exception {
    if (input.length <= MarkdownFuzzTest.MAX_INPUT) {
      String html = new String(input, StandardCharsets.UTF_8);
      SafeXhtml.assertSafe(sanitizer.clean(html, warning -> {}).body().html());
    }
  }
}
