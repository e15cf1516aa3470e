package io.galley.render.markdown;

import io.galley.events.Problem;
import io.galley.markdown.MarkdownReader;
import io.galley.markdown.SourceGuard;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.nodes.Document;

/**
 * Converts a chapter's Markdown (CommonMark + GFM) into a sanitised, well-formed XHTML fragment.
 * The parser, renderer, sanitiser and highlighter are built once; instances are thread-safe.
 */
public final class MarkdownConverter {

  /** The renderer's version; part of every cache key and editionId. Bump when output changes. */
  // 2: raw HTML links resolved; 3: bounded work, internal links checked, attribute values limited;
  // 4: GitBook hint and code tags
  public static final String RENDERER_VERSION = "render-4";

  private final Parser parser;
  private final HtmlRenderer renderer;
  private final FragmentSanitizer sanitizer = new FragmentSanitizer();
  private final MarkdownLimits limits;
  private final SourceGuard.Limits guardLimits;

  /** A converter with the default {@link MarkdownLimits}. */
  public MarkdownConverter() {
    this(MarkdownLimits.DEFAULTS);
  }

  /** A converter with tables, strikethrough, autolinks, task lists, footnotes and alerts. */
  public MarkdownConverter(MarkdownLimits limits) {
    this.limits = limits;
    CodeHighlighter highlighter = new CodeHighlighter();
    // the parser ingest reads chapters with, so both agree on what is code, image and link
    this.parser = MarkdownReader.parser();
    this.guardLimits =
        new SourceGuard.Limits(
            limits.maxTableCells(), limits.maxTableCellsPerChapter(), limits.maxNesting());
    this.renderer =
        HtmlRenderer.builder()
            .extensions(MarkdownReader.extensions())
            .percentEncodeUrls(true)
            .nodeRendererFactory(context -> new CodeBlockRenderer(context, highlighter))
            .nodeRendererFactory(Callouts.Renderer::new)
            .build();
  }

  /** Above this many {@code [} in one block, a chapter is shown as plain text. */
  static final int MAX_BRACKETS_PER_BLOCK = MarkdownReader.MAX_BRACKETS_PER_BLOCK;

  /** Converts one chapter; never throws for bad input, which becomes warnings instead. */
  public ChapterRendering convert(String markdown, ChapterContext context) {
    return draft(markdown, context).finish(context.headingIds());
  }

  /**
   * Converts one chapter but leaves the links to other chapters' anchors unchecked until {@link
   * ChapterDraft#finish}, so that a book's chapters can be converted once each, in parallel, and
   * checked against each other's headings afterwards. Never throws for bad input.
   */
  public ChapterDraft draft(String markdown, ChapterContext context) {
    List<Problem> warnings = new ArrayList<>();
    if (bracketsInOneBlock(markdown) > MAX_BRACKETS_PER_BLOCK) {
      warnings.add(
          Problem.warning(
              context.path(),
              0,
              "a paragraph has more than "
                  + MAX_BRACKETS_PER_BLOCK
                  + " '[' (links or images); it is shown as plain text"));
      return plainText(markdown, warnings);
    }
    if (MarkdownReader.angleScanCost(markdown) > MarkdownReader.MAX_ANGLE_SCAN) {
      warnings.add(
          Problem.warning(
              context.path(),
              0,
              "a paragraph has too many '<' without a closing '>' to read; it is shown as plain"
                  + " text"));
      return plainText(markdown, warnings);
    }
    try {
      SourceGuard.Guarded guarded = SourceGuard.limit(GitBookBlocks.rewrite(markdown), guardLimits);
      warnOnce(
          warnings,
          context,
          guarded.tables(),
          "a table has more cells than allowed ("
              + limits.maxTableCells()
              + " per table, "
              + limits.maxTableCellsPerChapter()
              + " per chapter, "
              + SourceGuard.MAX_DELIMITERS_PER_BLOCK
              + " delimiter rows per block); shown as plain text");
      warnOnce(
          warnings,
          context,
          guarded.paragraphs(),
          "a paragraph has more than "
              + SourceGuard.MAX_PARAGRAPH_LINES
              + " lines; it is split into several");
      warnOnce(
          warnings,
          context,
          guarded.nesting(),
          "block quotes or lists nested more than "
              + limits.maxNesting()
              + " levels deep; the deeper markers are shown as text");
      Node document = parser.parse(guarded.markdown());
      if (NodeBudget.tooManyNodes(document, limits.maxNodes())) {
        warnings.add(
            Problem.warning(
                context.path(),
                0,
                "the chapter has more than "
                    + limits.maxNodes()
                    + " Markdown elements; it is shown as plain text"));
        return plainText(markdown, warnings);
      }
      if (NodeBudget.flattenBelow(document, limits.maxNesting()) > 0) {
        warnings.add(
            Problem.warning(
                context.path(),
                0,
                "the chapter nests block quotes, lists or inline markup more than "
                    + limits.maxNesting()
                    + " levels deep; the deeper content is shown as plain text"));
      }
      Callouts.transform(document);
      LinkResolver links = new LinkResolver(context, warnings);
      RawHtmlLinks raw = RawHtmlLinks.in(document, context.frontMatterLines());
      links.resolve(document);
      String html = renderer.render(document);
      Document clean =
          sanitizer.clean(html, m -> warnings.add(Problem.warning(context.path(), 0, m)));
      if (context.resolveLinks()) {
        raw.resolve(clean.body(), links);
      }
      InternalLinks.check(
          clean.body(), context, m -> warnings.add(Problem.warning(context.path(), 0, m)));
      var headings = HeadingIds.assign(clean.body());
      Set<String> ownIds = new HashSet<>(clean.body().select("[id]").eachAttr("id"));
      return new ChapterDraft(
          new ChapterRendering(
              clean.body().html(), headings, links.docRefs(), links.assets(), warnings),
          (headingIds, out) -> links.checkAnchors(ownIds, headingIds, out));
    } catch (StackOverflowError e) {
      warnings.add(
          Problem.warning(
              context.path(),
              0,
              "the chapter is nested too deeply to render; it is shown as plain text"));
      return plainText(markdown, warnings);
    }
  }

  /** One warning, at the first of {@code lines} (0-based), saying how many there are. */
  private static void warnOnce(
      List<Problem> warnings, ChapterContext context, List<Integer> lines, String message) {
    if (!lines.isEmpty()) {
      warnings.add(
          Problem.warning(
              context.path(),
              lines.get(0) + 1 + context.frontMatterLines(),
              message + (lines.size() > 1 ? " (" + lines.size() + " places)" : "")));
    }
  }

  private static ChapterDraft plainText(String markdown, List<Problem> warnings) {
    return new ChapterDraft(
        new ChapterRendering(
            "<pre>" + Html.escape(markdown) + "</pre>", List.of(), List.of(), List.of(), warnings),
        (headingIds, out) -> {});
  }

  static int bracketsInOneBlock(String markdown) {
    return MarkdownReader.bracketsInOneBlock(markdown);
  }

  /** The ids the headings of a chapter get when it is converted, for checking links to them. */
  public Set<String> headingIds(String markdown) {
    Set<String> ids = new HashSet<>();
    convert(markdown, ChapterContext.preview()).headings().forEach(h -> ids.add(h.id()));
    return Set.copyOf(ids);
  }

  /** Converts Markdown with no book around it, as the live preview does. */
  public String preview(String markdown) {
    return convert(markdown, ChapterContext.preview()).xhtml();
  }
}
