package io.galley.markdown;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The CommonMark + GFM parser configuration of every Galley chapter, with source spans on blocks
 * and inlines for line numbers. The parser is immutable and thread-safe.
 */
public final class MarkdownReader {

  /** Above this many {@code [} in one block, a chapter is read as plain text. */
  public static final int MAX_BRACKETS_PER_BLOCK = 5_000;

  /** Above this {@link #angleScanCost}, a chapter is read as plain text. */
  public static final long MAX_ANGLE_SCAN = 50_000_000L;

  private static final List<Extension> EXTENSIONS =
      List.of(
          TablesExtension.create(),
          StrikethroughExtension.create(),
          AutolinkExtension.create(),
          TaskListItemsExtension.create(),
          FootnotesExtension.create());

  private static final Parser PARSER =
      Parser.builder()
          // the tables' block start through TableStarts, which keeps it linear
          .extensions(EXTENSIONS.subList(1, EXTENSIONS.size()))
          .customBlockParserFactory(new TableStarts())
          .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
          .build();

  /**
   * The same block parsing, with inline parsing only where a reference can be. An image, a link, a
   * footnote reference and raw inline HTML all need a {@code [} or a {@code <}, so a block without
   * either has none and its inlines are not parsed; bare URLs (the autolink extension) are never
   * images or chapter links and are not looked for. A full build parses megabytes of prose that has
   * neither in most paragraphs; {@code MarkdownReaderTest} checks that both parsers find the same
   * references.
   */
  private static final Parser REFERENCES =
      Parser.builder()
          .extensions(
              EXTENSIONS.stream()
                  .filter(e -> !(e instanceof AutolinkExtension || e instanceof TablesExtension))
                  .toList())
          .customBlockParserFactory(new TableStarts())
          .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
          .inlineParserFactory(ReferenceInlines::new)
          .build();

  private MarkdownReader() {}

  /** Tables, strikethrough, autolinks, task lists and footnotes: for the HTML renderer too. */
  public static List<Extension> extensions() {
    return EXTENSIONS;
  }

  /**
   * The shared parser. Give it text that {@link SourceGuard#limit} has returned, and only when
   * {@link #bracketsInOneBlock} is at most {@link #MAX_BRACKETS_PER_BLOCK} and {@link
   * #angleScanCost} at most {@link #MAX_ANGLE_SCAN}: past those a chapter is plain text. Source
   * span lines are those of the guarded text ({@link SourceGuard.Guarded#originalLine}).
   */
  public static Parser parser() {
    return PARSER;
  }

  /**
   * A parser for finding references only: the same tree as {@link #parser()} for blocks, images,
   * links, footnote references and raw inline HTML, but plain text is left unparsed (no emphasis,
   * code spans or bare-URL links inside blocks without {@code [} or {@code <}). The same input
   * rules as {@link #parser()} apply.
   */
  public static Parser referenceParser() {
    return REFERENCES;
  }

  /**
   * The most {@code [} in one block (text between blank lines): CommonMark 0.28's bracket matching
   * is quadratic in them (thousands of nested images or unclosed links take seconds to minutes),
   * while real chapters have a handful per paragraph.
   */
  public static int bracketsInOneBlock(String markdown) {
    int most = 0;
    int count = 0;
    boolean lineBlank = true;
    for (int i = 0; i < markdown.length(); i++) {
      char c = markdown.charAt(i);
      if (c == '\n') {
        if (lineBlank) {
          count = 0;
        }
        lineBlank = true;
      } else if (c == '[') {
        lineBlank = false;
        most = Math.max(most, ++count);
      } else if (c != ' ' && c != '\t' && c != '\r') {
        lineBlank = false;
      }
    }
    return most;
  }

  /**
   * About how many characters CommonMark 0.28 scans for the {@code >} of autolinks and inline HTML:
   * each {@code <} scans on to the next {@code >}, so a paragraph of n {@code <} and none closed
   * costs n²/2 (60 KB of {@code <a} took seconds, 1 MB hours). Counted outside fenced code, which
   * is not parsed for inlines; a blank line ends the scan.
   */
  public static long angleScanCost(String markdown) {
    long cost = 0;
    long open = 0;
    char fence = 0;
    int len = markdown.length();
    for (int start = 0; start < len; ) {
      int end = markdown.indexOf('\n', start);
      end = end < 0 ? len : end;
      int first = start;
      while (first < end && (markdown.charAt(first) == ' ' || markdown.charAt(first) == '\t')) {
        first++;
      }
      char c = first < end ? markdown.charAt(first) : 0;
      if ((c == '`' || c == '~') && markdown.startsWith(String.valueOf(c).repeat(3), first)) {
        fence = fence == 0 ? c : fence == c ? 0 : fence;
        open = 0;
      } else if (first == end || (first == end - 1 && c == '\r')) {
        open = 0;
      } else if (fence == 0) {
        for (int i = start; i < end; i++) {
          char ch = markdown.charAt(i);
          if (ch == '<') {
            open++;
          } else if (ch == '>') {
            open = 0;
          }
          cost += open;
        }
        cost += open; // the line break
        if (cost > MAX_ANGLE_SCAN) {
          return cost;
        }
      }
      start = end + 1;
    }
    return cost;
  }

  /** Whether render shows the chapter as plain text, so that it has no images and no links. */
  public static boolean readsAsPlainText(String markdown) {
    return bracketsInOneBlock(markdown) > MAX_BRACKETS_PER_BLOCK
        || angleScanCost(markdown) > MAX_ANGLE_SCAN;
  }
}
