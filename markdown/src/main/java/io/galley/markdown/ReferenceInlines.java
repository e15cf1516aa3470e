package io.galley.markdown;

import org.commonmark.internal.InlineParserImpl;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.InlineParserContext;
import org.commonmark.parser.SourceLines;

/**
 * Inline parsing for {@link MarkdownReader#referenceParser()}: commonmark's own inline parser,
 * asked only for blocks whose text has a {@code [} or a {@code <}. Other blocks get their text as
 * one node, as no image, link or inline HTML can be in them. commonmark-java offers no public way
 * to wrap its default inline parser, hence the internal class; {@code MarkdownReaderTest} compares
 * the two parsers' references so an upgrade that changes it is seen.
 */
final class ReferenceInlines implements InlineParser {

  private final InlineParser full;

  ReferenceInlines(InlineParserContext context) {
    this.full = new InlineParserImpl(context);
  }

  @Override
  public void parse(SourceLines lines, Node block) {
    String content = lines.getContent();
    if (content.indexOf('[') >= 0 || content.indexOf('<') >= 0) {
      full.parse(lines, block);
    } else if (!content.isEmpty()) {
      Text text = new Text(content);
      text.setSourceSpans(lines.getSourceSpans());
      block.appendChild(text);
    }
  }
}
