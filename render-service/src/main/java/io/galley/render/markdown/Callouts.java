package io.galley.render.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/** Turns GitHub alerts ({@code > [!NOTE]}, {@code > [!WARNING]}, ...) into callout boxes. */
final class Callouts {

  private static final Pattern MARKER =
      Pattern.compile("^\\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)]\\s*$", Pattern.CASE_INSENSITIVE);

  private Callouts() {}

  /** Replaces every alert block quote of the document with a {@link CalloutBlock}. */
  static void transform(Node document) {
    List<BlockQuote> quotes = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(BlockQuote quote) {
            quotes.add(quote);
            visitChildren(quote);
          }
        });
    for (BlockQuote quote : quotes) {
      if (quote.getFirstChild() instanceof Paragraph p && p.getFirstChild() instanceof Text t) {
        Matcher m = MARKER.matcher(t.getLiteral());
        Node after = t.getNext();
        boolean endsLine =
            after == null || after instanceof SoftLineBreak || after instanceof HardLineBreak;
        if (m.matches() && endsLine) {
          replace(quote, p, t, m.group(1).toLowerCase(Locale.ROOT));
        }
      }
    }
  }

  private static void replace(BlockQuote quote, Paragraph first, Text marker, String kind) {
    if (marker.getNext() != null) {
      marker.getNext().unlink();
    }
    marker.unlink();
    if (first.getFirstChild() == null) {
      first.unlink();
    }
    CalloutBlock callout = new CalloutBlock(kind);
    callout.setSourceSpans(quote.getSourceSpans());
    Node child = quote.getFirstChild();
    while (child != null) {
      Node next = child.getNext();
      callout.appendChild(child);
      child = next;
    }
    quote.insertBefore(callout);
    quote.unlink();
  }

  /** Renders callouts as {@code <div class="callout callout-note">} with a title paragraph. */
  static final class Renderer implements NodeRenderer {

    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;

    Renderer(HtmlNodeRendererContext context) {
      this.context = context;
      this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(CalloutBlock.class);
    }

    @Override
    public void render(Node node) {
      CalloutBlock callout = (CalloutBlock) node;
      html.line();
      html.tag("div", Map.of("class", "callout callout-" + callout.kind()));
      html.tag("p", Map.of("class", "callout-title"));
      html.text(callout.title());
      html.tag("/p");
      for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
        context.render(child);
      }
      html.tag("/div");
      html.line();
    }
  }
}
