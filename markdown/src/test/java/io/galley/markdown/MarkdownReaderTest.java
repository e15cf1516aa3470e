package io.galley.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.junit.jupiter.api.Test;

class MarkdownReaderTest {

  @Test
  void countsTheScanForUnclosedAngleBracketsOnly() {
    assertThat(MarkdownReader.angleScanCost("a <b> c <d> e\n")).isLessThan(10);
    // closed soon, or in fenced code, or after a blank line: cheap whatever the length
    assertThat(MarkdownReader.angleScanCost("<a> ".repeat(100_000))).isLessThan(1_000_000);
    assertThat(MarkdownReader.angleScanCost("```\n" + "x << y\n".repeat(50_000) + "```\n"))
        .isZero();
    assertThat(MarkdownReader.angleScanCost("a < b\n\n".repeat(100_000))).isLessThan(1_000_000);
    assertThat(MarkdownReader.readsAsPlainText("<a".repeat(30_000))).isTrue();
    assertThat(MarkdownReader.readsAsPlainText("[".repeat(5_001))).isTrue();
    assertThat(MarkdownReader.readsAsPlainText("# Title\n\n![x](x.png) a < b\n")).isFalse();
  }

  @Test
  void mapsLinesBackPastTheBlankLinesTheGuardInserts() {
    String md = "word\n".repeat(600) + "![x](x.png)\n";
    SourceGuard.Guarded guarded = SourceGuard.limit(md, SourceGuard.Limits.DEFAULTS);
    assertThat(guarded.paragraphs()).hasSize(2);
    Node doc = MarkdownReader.parser().parse(guarded.markdown());
    Node image = doc.getLastChild().getLastChild();
    assertThat(image).isInstanceOf(Image.class);
    int guardedLine = image.getSourceSpans().get(0).getLineIndex() + 1;
    assertThat(guardedLine).isEqualTo(603);
    assertThat(guarded.originalLine(guardedLine)).isEqualTo(601);
    assertThat(guarded.originalLine(1)).isEqualTo(1);
  }
}
