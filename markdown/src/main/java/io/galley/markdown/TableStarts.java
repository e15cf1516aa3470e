package io.galley.markdown;

import org.commonmark.ext.gfm.tables.internal.TableBlockParser;
import org.commonmark.parser.block.AbstractBlockParserFactory;
import org.commonmark.parser.block.BlockParserFactory;
import org.commonmark.parser.block.BlockStart;
import org.commonmark.parser.block.MatchedBlockParser;
import org.commonmark.parser.block.ParserState;

/**
 * The GFM table parser's block start, asked only on lines that can be a delimiter row. Version
 * 0.28's factory copies the whole open paragraph on every line it is asked about, so a paragraph of
 * n lines cost n²/2 copies (800 KB of one-character lines took minutes); asked only on
 * delimiter-like lines, of which {@link SourceGuard} lets few through per block, it costs a bounded
 * number of copies per paragraph.
 */
final class TableStarts extends AbstractBlockParserFactory {

  private final BlockParserFactory tables = new TableBlockParser.Factory();

  @Override
  public BlockStart tryStart(ParserState state, MatchedBlockParser matchedBlockParser) {
    CharSequence line = state.getLine().getContent();
    boolean dash = false;
    for (int i = state.getNextNonSpaceIndex(); i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '-') {
        dash = true;
      } else if (c != '|' && c != ':' && c != ' ' && c != '\t') {
        return BlockStart.none();
      }
    }
    return dash ? tables.tryStart(state, matchedBlockParser) : BlockStart.none();
  }
}
