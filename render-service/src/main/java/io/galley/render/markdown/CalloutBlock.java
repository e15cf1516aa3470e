package io.galley.render.markdown;

import org.commonmark.node.CustomBlock;

/** A GitHub alert ({@code > [!NOTE]}) turned into a callout box. */
final class CalloutBlock extends CustomBlock {

  private final String kind;

  CalloutBlock(String kind) {
    this.kind = kind;
  }

  /** One of note, tip, important, warning, caution. */
  String kind() {
    return kind;
  }

  /** The title shown above the callout. */
  String title() {
    return Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
  }
}
