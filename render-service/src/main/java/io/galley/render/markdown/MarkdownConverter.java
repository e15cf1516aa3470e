package io.galley.render.markdown;

import io.galley.events.Problem;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.nodes.Document;

/**
 * Converts a chapter's Markdown (CommonMark + GFM) into a sanitised, well-formed XHTML fragment.
 * The parser, renderer, sanitiser and highlighter are built once; instances are thread-safe.
 */
public final class MarkdownConverter {

  /** The renderer's version; part of every cache key and editionId. Bump when output changes. */
  public static final String RENDERER_VERSION = "render-1";

  private final Parser parser;
  private final HtmlRenderer renderer;
  private final FragmentSanitizer sanitizer = new FragmentSanitizer();

  /** A converter with tables, strikethrough, autolinks, task lists, footnotes and alerts. */
  public MarkdownConverter() {
    List<Extension> extensions =
        List.of(
            TablesExtension.create(),
            StrikethroughExtension.create(),
            AutolinkExtension.create(),
            TaskListItemsExtension.create(),
            FootnotesExtension.create());
    CodeHighlighter highlighter = new CodeHighlighter();
    this.parser =
        Parser.builder()
            .extensions(extensions)
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();
    this.renderer =
        HtmlRenderer.builder()
            .extensions(extensions)
            .percentEncodeUrls(true)
            .nodeRendererFactory(context -> new CodeBlockRenderer(context, highlighter))
            .nodeRendererFactory(Callouts.Renderer::new)
            .build();
  }

  /** Converts one chapter; never throws for bad input, which becomes warnings instead. */
  public ChapterRendering convert(String markdown, ChapterContext context) {
    List<Problem> warnings = new ArrayList<>();
    try {
      Node document = parser.parse(markdown);
      Callouts.transform(document);
      LinkResolver links = new LinkResolver(context, warnings);
      links.resolve(document);
      String html = renderer.render(document);
      Document clean =
          sanitizer.clean(html, m -> warnings.add(Problem.warning(context.path(), 0, m)));
      var headings = HeadingIds.assign(clean.body());
      return new ChapterRendering(
          clean.body().html(), headings, links.docRefs(), links.assets(), warnings);
    } catch (StackOverflowError e) {
      warnings.add(
          Problem.warning(
              context.path(),
              0,
              "the chapter is nested too deeply to render; it is shown as plain text"));
      return new ChapterRendering(
          "<pre>" + Html.escape(markdown) + "</pre>", List.of(), List.of(), List.of(), warnings);
    }
  }

  /** Converts Markdown with no book around it, as the live preview does. */
  public String preview(String markdown) {
    return convert(markdown, ChapterContext.preview()).xhtml();
  }
}
