package io.galley.render.markdown;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Renders fenced code highlighted; a {@code title="..."} in the info string becomes a caption
 * ({@code <figure class="code-block"><figcaption>}).
 */
final class CodeBlockRenderer implements NodeRenderer {

  private static final Pattern TITLE = Pattern.compile("\\btitle=(\"([^\"]*)\"|'([^']*)'|(\\S+))");

  private final HtmlWriter html;
  private final CodeHighlighter highlighter;

  CodeBlockRenderer(HtmlNodeRendererContext context, CodeHighlighter highlighter) {
    this.html = context.getWriter();
    this.highlighter = highlighter;
  }

  @Override
  public Set<Class<? extends Node>> getNodeTypes() {
    return Set.of(FencedCodeBlock.class);
  }

  @Override
  public void render(Node node) {
    FencedCodeBlock block = (FencedCodeBlock) node;
    String info = block.getInfo() == null ? "" : block.getInfo().trim();
    String language = info.split("[\\s{]", 2)[0].replaceAll("[^A-Za-z0-9_+#-]", "");
    String title = title(info);
    String code = block.getLiteral() == null ? "" : block.getLiteral();
    StringBuilder s = new StringBuilder();
    if (title != null) {
      s.append("<figure class=\"code-block\"><figcaption>")
          .append(Html.escape(title))
          .append("</figcaption>");
    }
    s.append("<pre><code");
    if (!language.isEmpty()) {
      s.append(" class=\"language-").append(Html.escape(language)).append('"');
    }
    s.append('>').append(highlighter.highlight(language, code)).append("</code></pre>");
    if (title != null) {
      s.append("</figure>");
    }
    html.line();
    html.raw(s.toString());
    html.line();
  }

  private static String title(String info) {
    Matcher m = TITLE.matcher(info);
    if (!m.find()) {
      return null;
    }
    for (int g = 2; g <= 4; g++) {
      if (m.group(g) != null) {
        return m.group(g);
      }
    }
    return null;
  }
}
