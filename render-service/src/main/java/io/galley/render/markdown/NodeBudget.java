package io.galley.render.markdown;

import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;

/**
 * Checks a parsed chapter against the node and nesting limits, without recursion (a chapter nested
 * thousands of levels deep would overflow the stack of a recursive walk, as it does the
 * renderer's).
 */
final class NodeBudget {

  private NodeBudget() {}

  /** Whether the document has more than {@code maxNodes} nodes. */
  static boolean tooManyNodes(Node document, int maxNodes) {
    int count = 0;
    for (Node n = document; n != null; n = next(n, document)) {
      if (++count > maxNodes) {
        return true;
      }
    }
    return false;
  }

  /**
   * Replaces every node at depth {@code maxDepth} (the document is at 0) that has children with its
   * text, in a paragraph when it is a block; returns how many were replaced.
   */
  static int flattenBelow(Node document, int maxDepth) {
    int flattened = 0;
    int depth = 0;
    Node n = document;
    while (true) {
      if (depth == maxDepth && n.getFirstChild() != null) {
        Node text = new Text(textOf(n));
        Node replacement = text;
        if (n instanceof Block) {
          replacement = new Paragraph();
          replacement.appendChild(text);
        }
        n.insertBefore(replacement);
        n.unlink();
        n = replacement;
        flattened++;
      } else if (depth < maxDepth && n.getFirstChild() != null) {
        n = n.getFirstChild();
        depth++;
        continue;
      }
      while (n != document && n.getNext() == null) {
        n = n.getParent();
        depth--;
      }
      if (n == document) {
        return flattened;
      }
      n = n.getNext();
    }
  }

  /** The next node in document order, without recursion; null after the last. */
  private static Node next(Node n, Node root) {
    if (n.getFirstChild() != null) {
      return n.getFirstChild();
    }
    while (n != root && n.getNext() == null) {
      n = n.getParent();
    }
    return n == root ? null : n.getNext();
  }

  /** The text of a node and its descendants, without recursion. */
  private static String textOf(Node node) {
    StringBuilder s = new StringBuilder();
    for (Node n = node; n != null; n = next(n, node)) {
      String literal = "";
      if (n instanceof Text t) {
        literal = t.getLiteral();
      } else if (n instanceof Code c) {
        literal = c.getLiteral();
      } else if (n instanceof HtmlInline h) {
        literal = h.getLiteral();
      } else if (n instanceof HtmlBlock h) {
        literal = h.getLiteral();
      } else if (n instanceof FencedCodeBlock f) {
        literal = f.getLiteral();
      } else if (n instanceof IndentedCodeBlock i) {
        literal = i.getLiteral();
      } else if (n instanceof Block && !s.isEmpty()) {
        literal = " ";
      }
      s.append(literal == null ? "" : literal);
    }
    return s.toString();
  }
}
