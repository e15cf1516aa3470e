package io.galley.render.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.galley.events.AssetRef;
import io.galley.events.Heading;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz test of the Markdown converter: any input becomes a safe, well-formed XHTML fragment (see
 * {@link SafeXhtml}) with unique heading ids, never an exception. Under plain JUnit it replays its
 * seeds in {@code MarkdownFuzzTestInputs/chapter/}; with {@code JAZZER_FUZZ=1} (the {@code fuzz}
 * profile) Jazzer fuzzes it.
 */
class MarkdownFuzzTest {

  /** Larger inputs are skipped: the size bounds are tested elsewhere, cost per byte is the aim. */
  static final int MAX_INPUT = 64 * 1024;

  private static final MarkdownConverter CONVERTER = new MarkdownConverter();
  private static final ChapterContext CHAPTER =
      new ChapterContext(
          "book/guide/setup.md",
          "guide/setup",
          2,
          Set.of("intro", "guide/setup", "guide/usage"),
          List.of(new AssetRef("guide/images/a.png", "a".repeat(64), "image/png")),
          true,
          docId -> docId.equals("intro") ? Set.of("top", "install") : null);

  @FuzzTest(maxDuration = "5m")
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void chapter(byte[] input) throws Exception {
    if (input.length > MAX_INPUT) {
      return;
    }
    ChapterRendering out = CONVERTER.convert(new String(input, StandardCharsets.UTF_8), CHAPTER);
    SafeXhtml.assertSafe(out.xhtml());
    Set<String> ids = new HashSet<>();
    for (Heading h : out.headings()) {
      assertThat(ids.add(h.id())).as("heading id %s is unique", h.id()).isTrue();
    }
  }
}
