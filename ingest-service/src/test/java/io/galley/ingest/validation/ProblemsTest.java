package io.galley.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProblemsTest {

  @Test
  void keepsAtMostOneHundredProblemsErrorsFirst() {
    Problems problems = new Problems();
    problems.warning("a.md", 1, "w");
    for (int i = 1; i <= 150; i++) {
      problems.error("b.md", i, "e" + i);
    }
    assertThat(problems.all()).hasSize(Problems.LIMIT);
    assertThat(problems.all().get(0).toString()).isEqualTo("b.md:1: e1");
    assertThat(problems.warnings())
        .extracting(Object::toString)
        .containsExactly("a.md:1: warning: w");
    assertThat(problems.hasErrors()).isTrue();
  }

  @Test
  void decodesUtf8DroppingTheByteOrderMark() {
    Problems problems = new Problems();
    byte[] bytes = "\uFEFF# Caf\u00e9\n".getBytes(StandardCharsets.UTF_8);
    assertThat(TextChecks.decodeUtf8(bytes, "a.md", problems)).contains("# Caf\u00e9\n");
    assertThat(problems.all()).isEmpty();
  }

  @Test
  void findsTheLineOfAnOffset() {
    assertThat(TextChecks.lineOf("a\nb\nc", 4)).isEqualTo(3);
    assertThat(TextChecks.lineOf("abc", 0)).isEqualTo(1);
  }
}
