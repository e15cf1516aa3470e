package io.galley.ingest.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.ingest.validation.Problems;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FrontMatterParserTest {

  private final FrontMatterParser parser = new FrontMatterParser();

  @Test
  void splitsFrontMatterFromBody() {
    Problems problems = new Problems();
    FrontMatter fm = parser.parse("---\ntitle: Hi\norder: 3\n---\n# Body\n", "a.md", problems);
    assertThat(fm.values()).containsEntry("title", "Hi").containsEntry("order", 3);
    assertThat(fm.body()).isEqualTo("# Body\n");
    assertThat(fm.lines()).isEqualTo(4);
    assertThat(problems.all()).isEmpty();
  }

  @Test
  void textWithoutFrontMatterIsAllBody() {
    FrontMatter fm = parser.parse("# T\n---\n", "a.md", new Problems());
    assertThat(fm.values()).isEmpty();
    assertThat(fm.lines()).isZero();
  }

  @Test
  void rejectsFrontMatterOverTheSizeLimit() {
    Problems problems = new Problems();
    parser.parse("---\nx: " + "y".repeat(70_000) + "\n---\n", "a.md", problems);
    assertThat(problems.all())
        .extracting(Object::toString)
        .containsExactly("a.md:1: front matter is 70004 characters; the limit is 65536");
  }

  @Test
  @Timeout(5)
  void rejectsDeepNesting() {
    Problems problems = new Problems();
    parser.parse("---\nx: " + "[".repeat(500) + "]".repeat(500) + "\n---\n", "a.md", problems);
    assertThat(problems.all())
        .singleElement()
        .asString()
        .startsWith("a.md:1: malformed front matter: Document nesting depth (21) exceeds");
  }

  @Test
  @Timeout(5)
  void aliasBombsDoNotExpand() {
    StringBuilder yaml = new StringBuilder("---\na: &a [x,x,x,x,x,x,x,x,x]\n");
    for (char c = 'b'; c <= 'k'; c++) {
      char p = (char) (c - 1);
      yaml.append(c)
          .append(": &")
          .append(c)
          .append(" [*")
          .append(p)
          .append(",*")
          .append(p)
          .append(",*")
          .append(p)
          .append(",*")
          .append(p)
          .append(",*")
          .append(p)
          .append("]\n");
    }
    yaml.append("---\n");
    Problems problems = new Problems();
    FrontMatter fm = parser.parse(yaml.toString(), "a.md", problems);
    // aliases are never expanded into copies, so a billion-laughs document stays small
    assertThat(fm.values().toString()).hasSizeLessThan(2_000);
  }

  @Test
  void rejectsScalarFrontMatter() {
    Problems problems = new Problems();
    parser.parse("---\njust text\n---\n", "a.md", problems);
    assertThat(problems.all())
        .extracting(Object::toString)
        .containsExactly("a.md:2: front matter must be YAML key: value pairs");
    assertThat(Duration.ZERO).isZero();
  }
}
