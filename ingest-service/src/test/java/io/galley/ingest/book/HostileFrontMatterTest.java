package io.galley.ingest.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.galley.events.Problem;
import io.galley.ingest.validation.Problems;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hostile YAML front matter: each case is rejected with a problem at {@code path:line}, within a
 * time bound and without building anything big (the bombs never expand).
 */
class HostileFrontMatterTest {

  private static final Duration BOUND = Duration.ofSeconds(3);
  private final FrontMatterParser parser = new FrontMatterParser();

  private List<String> problems(String frontMatter) {
    return assertTimeoutPreemptively(
        BOUND,
        () -> {
          Problems problems = new Problems();
          FrontMatter fm =
              parser.parse("---\n" + frontMatter + "---\n# Body\n", "book/ch.md", problems);
          assertThat(fm.values().toString()).hasSizeLessThan(10_000);
          return problems.all().stream().map(Problem::toString).toList();
        });
  }

  static String billionLaughs() {
    StringBuilder yaml =
        new StringBuilder(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      char p = (char) (c - 1);
      yaml.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        yaml.append(i == 0 ? "" : ",").append('*').append(p);
      }
      yaml.append("]\n");
    }
    return yaml.toString();
  }

  @Test
  void rejectsABillionLaughsAliasBomb() {
    assertThat(problems(billionLaughs()))
        .singleElement()
        .asString()
        .startsWith("book/ch.md:")
        .contains("alias");
  }

  @Test
  void rejectsAMergeKeyBomb() {
    StringBuilder yaml = new StringBuilder("a0: &a0 {x: 1, y: 2}\n");
    for (int i = 1; i < 30; i++) {
      yaml.append("a")
          .append(i)
          .append(": &a")
          .append(i)
          .append(" {<<: [*a")
          .append(i - 1)
          .append(", *a")
          .append(i - 1)
          .append("], k")
          .append(i)
          .append(": v}\n");
    }
    assertThat(problems(yaml.toString()))
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p).startsWith("book/ch.md:"));
  }

  @Test
  void rejectsDeepNestingOfMapsAndLists() {
    assertThat(problems("x: " + "[".repeat(5_000) + "]".repeat(5_000) + "\n"))
        .singleElement()
        .asString()
        .contains("malformed front matter");
    StringBuilder maps = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      maps.append("  ".repeat(i)).append("k").append(i).append(":\n");
    }
    maps.append("  ".repeat(200)).append("leaf\n");
    assertThat(problems(maps.toString()))
        .singleElement()
        .asString()
        .contains("malformed front matter");
    assertThat(problems("x: " + "{a: ".repeat(3_000) + "1" + "}".repeat(3_000) + "\n"))
        .isNotEmpty();
  }

  @Test
  void rejectsATenMegabyteScalar() {
    List<String> found = problems("title: " + "A".repeat(10 * 1024 * 1024) + "\n");
    assertThat(found)
        .singleElement()
        .asString()
        .startsWith("book/ch.md:1: front matter is ")
        .endsWith("the limit is 65536");
  }

  @Test
  void rejectsJavaAndUnknownTagsWithoutInstantiatingAnything() {
    for (String tagged :
        List.of(
            "title: !!java.lang.Runtime {}\n",
            "title: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:1/\"]]]]\n",
            "title: !<tag:yaml.org,2002:java.lang.ProcessBuilder> [\"touch\", \"/tmp/galley-pwned\"]\n",
            "title: !custom thing\n",
            "title: !!python/object/apply:os.system [\"id\"]\n")) {
      assertThat(problems(tagged))
          .as(tagged)
          .singleElement()
          .asString()
          .startsWith("book/ch.md:")
          .contains("tag");
    }
    assertThat(new java.io.File("/tmp/galley-pwned")).doesNotExist();
  }

  @Test
  void keepsOrdinaryFrontMatterWorking() {
    assertThat(problems("title: \"Intro\"\norder: 2\ndraft: false\ntags: [a, b]\n")).isEmpty();
  }
}
