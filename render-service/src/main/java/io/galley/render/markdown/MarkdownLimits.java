package io.galley.render.markdown;

/**
 * How much work one chapter or preview may cause; past a limit the excess is shown as plain text
 * with a warning instead of being rendered. A zero takes the default.
 *
 * @param maxTableCells cells (columns times rows, the header included) of one table; default 50,000
 * @param maxTableCellsPerChapter cells of all tables of a chapter together; default 200,000
 * @param maxNodes Markdown nodes (blocks and inlines) of a chapter; default 300,000
 * @param maxNesting nesting depth of Markdown nodes (block quotes, lists, emphasis, links); default
 *     64
 */
public record MarkdownLimits(
    int maxTableCells, int maxTableCellsPerChapter, int maxNodes, int maxNesting) {

  /** The defaults. */
  public static final MarkdownLimits DEFAULTS = new MarkdownLimits(0, 0, 0, 0);

  public MarkdownLimits {
    maxTableCells = maxTableCells == 0 ? 50_000 : maxTableCells;
    maxTableCellsPerChapter = maxTableCellsPerChapter == 0 ? 200_000 : maxTableCellsPerChapter;
    maxNodes = maxNodes == 0 ? 300_000 : maxNodes;
    maxNesting = maxNesting == 0 ? 64 : maxNesting;
    if (maxTableCells < 1 || maxTableCellsPerChapter < 1 || maxNodes < 1 || maxNesting < 4) {
      throw new IllegalArgumentException(
          "markdown limits must be positive (max-nesting >= 4), got max-table-cells="
              + maxTableCells
              + ", max-table-cells-per-chapter="
              + maxTableCellsPerChapter
              + ", max-nodes="
              + maxNodes
              + ", max-nesting="
              + maxNesting);
    }
  }
}
