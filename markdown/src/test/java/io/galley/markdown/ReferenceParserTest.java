package io.galley.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.commonmark.ext.footnotes.FootnoteReference;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.testutil.TestResources;
import org.commonmark.testutil.example.ExampleReader;
import org.junit.jupiter.api.Test;

/**
 * The reference parser finds exactly what the full parser finds, on every example of the CommonMark
 * and GFM specs and commonmark-java's regression files: the same images, links, raw HTML,
 * definitions, footnote references and headings, at the same source positions.
 */
class ReferenceParserTest {

  @Test
  void findsTheSameReferencesAsTheFullParserInEverySpecExample() {
    List<String> sources = new ArrayList<>();
    Stream.concat(
            Stream.of(TestResources.getSpec(), TestResources.getGfmSpec()),
            TestResources.getRegressions().stream())
        .map(ExampleReader::readExampleSources)
        .forEach(sources::addAll);
    assertThat(sources).hasSizeGreaterThan(1_200);

    int withReferences = 0;
    for (String source : sources) {
      String text = SourceGuard.limit(source, SourceGuard.Limits.DEFAULTS).markdown();
      List<String> full = references(MarkdownReader.parser().parse(text), text);
      List<String> fast = references(MarkdownReader.referenceParser().parse(text), text);
      assertThat(fast).as("references in %s", source).isEqualTo(full);
      withReferences += full.isEmpty() ? 0 : 1;
    }
    // the comparison would hold trivially if nothing were found
    assertThat(withReferences).isGreaterThan(400);
  }

  @Test
  void leavesTheTextOfABlockWithoutBracketsUnparsed() {
    Node doc = MarkdownReader.referenceParser().parse("Some *emphasis* and `code`.\n");
    Node paragraph = doc.getFirstChild();
    assertThat(paragraph).isInstanceOf(Paragraph.class);
    assertThat(paragraph.getFirstChild()).isInstanceOf(Text.class);
    assertThat(((Text) paragraph.getFirstChild()).getLiteral())
        .isEqualTo("Some *emphasis* and `code`.");
    assertThat(paragraph.getFirstChild().getNext()).isNull();
  }

  private static List<String> references(Node document, String text) {
    List<String> found = new ArrayList<>();
    for (Node n = document.getFirstChild(); n != null; n = next(n, document)) {
      String what = null;
      if (n instanceof Image i) {
        what = "image " + i.getDestination() + " " + i.getTitle();
      } else if (n instanceof Link l && writtenWithBracketOrAngle(l, text)) {
        what = "link " + l.getDestination() + " " + l.getTitle();
      } else if (n instanceof HtmlInline h) {
        what = "html " + h.getLiteral();
      } else if (n instanceof HtmlBlock h) {
        what = "html block " + h.getLiteral();
      } else if (n instanceof LinkReferenceDefinition d) {
        what = "definition " + d.getLabel() + " " + d.getDestination();
      } else if (n instanceof FootnoteReference f) {
        what = "footnote " + f.getLabel();
      } else if (n instanceof Heading h) {
        what = "heading " + h.getLevel();
      }
      if (what != null) {
        found.add(what + " at " + n.getSourceSpans());
      }
    }
    return found;
  }

  /**
   * Bare URLs linked by the autolink extension are not references: a chapter link has no scheme.
   */
  private static boolean writtenWithBracketOrAngle(Link link, String text) {
    if (link.getSourceSpans().isEmpty()) {
      return true;
    }
    var span = link.getSourceSpans().get(0);
    char first =
        text.lines().skip(span.getLineIndex()).findFirst().orElse("").charAt(span.getColumnIndex());
    return first == '[' || first == '<';
  }

  private static Node next(Node n, Node root) {
    if (n.getFirstChild() != null) {
      return n.getFirstChild();
    }
    for (Node at = n; at != root; at = at.getParent()) {
      if (at.getNext() != null) {
        return at.getNext();
      }
    }
    return null;
  }
}
