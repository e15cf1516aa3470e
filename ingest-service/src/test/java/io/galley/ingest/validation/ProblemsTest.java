package io.galley.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemsTest {

  @Test
  void keepsAtMostOneHundredErrorsAndCountsTheRest() {
    Problems problems = new Problems();
    problems.warning("a.md", 1, "w");
    for (int i = 1; i <= 150; i++) {
      problems.error("b.md", i, "e" + i);
    }
    List<String> all = problems.all().stream().map(Object::toString).toList();
    assertThat(all).hasSize(Problems.MAX_ERRORS + 2);
    assertThat(all.get(0)).isEqualTo("b.md:1: e1");
    assertThat(all.get(Problems.MAX_ERRORS)).startsWith(".: 50 more errors not listed");
    assertThat(problems.warnings())
        .extracting(Object::toString)
        .containsExactly("a.md:1: warning: w");
    assertThat(problems.hasErrors()).isTrue();
  }

  @Test
  void keepsAnErrorAfterOneHundredAndFiftyWarnings() {
    Problems problems = new Problems();
    for (int i = 1; i <= 150; i++) {
      problems.warning("a.md", i, "w" + i);
    }
    problems.error("z.md", 7, "the error");
    List<String> all = problems.all().stream().map(Object::toString).toList();
    assertThat(problems.hasErrors()).isTrue();
    assertThat(all.get(0)).isEqualTo("z.md:7: the error");
    assertThat(all).hasSize(1 + Problems.MAX_WARNINGS + 1);
    assertThat(all.get(all.size() - 1))
        .isEqualTo(".: warning: 50 more warnings not listed (at most 100 are)");
  }

  @Test
  void decodesUtf8DroppingTheByteOrderMark() {
    Problems problems = new Problems();
    byte[] bytes = "\uFEFF# Caf\u00e9\n".getBytes(StandardCharsets.UTF_8);
    assertThat(TextChecks.decodeUtf8(bytes, "a.md", problems)).contains("# Caf\u00e9\n");
    assertThat(problems.all()).isEmpty();
  }

  @Test
  void keepsABoundedListOfAMillionProblemsAndCountsTheRest() {
    Problems problems = new Problems();
    for (int i = 1; i <= 1_000_000; i++) {
      problems.warning("a.md", i, "w");
      problems.error("b.md", i, "e");
    }
    List<String> all = problems.all().stream().map(Object::toString).toList();
    assertThat(all).hasSize(Problems.MAX_ERRORS + 1 + Problems.MAX_WARNINGS + 1);
    assertThat(all)
        .contains(
            ".: 999900 more errors not listed (at most 100 are); fix the ones above and commit"
                + " again to see the rest",
            ".: warning: 999900 more warnings not listed (at most 100 are)");
  }

  @Test
  void findsTheLineOfAnOffset() {
    assertThat(TextChecks.lineOf("a\nb\nc", 4)).isEqualTo(3);
    assertThat(TextChecks.lineOf("abc", 0)).isEqualTo(1);
  }
}
