package io.galley.render.markdown;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much work one chapter or preview may cause; past a limit the excess is shown as plain text
 * with a warning instead of being rendered. An absent value takes the default.
 *
 * @param maxTableCells cells (columns times rows, the header included) of one table; default 50,000
 * @param maxTableCellsPerChapter cells of all tables of a chapter together; default 200,000
 * @param maxNodes Markdown nodes (blocks and inlines) of a chapter; default 300,000
 * @param maxNesting nesting depth of Markdown nodes (block quotes, lists, emphasis, links); default
 *     64
 */
public record MarkdownLimits(
    @DefaultValue("50000") @Positive Integer maxTableCells,
    @DefaultValue("200000") @Positive Integer maxTableCellsPerChapter,
    @DefaultValue("300000") @Positive Integer maxNodes,
    @DefaultValue("64") @Min(4) Integer maxNesting) {

  /** The defaults. */
  public static final MarkdownLimits DEFAULTS = new MarkdownLimits(null, null, null, null);

  // null takes the default; a value out of range is left for the constraints, which stop the
  // service's start-up naming the property (galley.render.markdown.*)
  public MarkdownLimits {
    maxTableCells = maxTableCells == null ? 50_000 : maxTableCells;
    maxTableCellsPerChapter = maxTableCellsPerChapter == null ? 200_000 : maxTableCellsPerChapter;
    maxNodes = maxNodes == null ? 300_000 : maxNodes;
    maxNesting = maxNesting == null ? 64 : maxNesting;
  }
}
