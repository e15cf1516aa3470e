package io.galley.events;

/**
 * How a book's printed edition (the PDF) is set, from {@code book.yml}; a house style that wants
 * ragged-right text, no hyphenation or page numbers after cross references says so here.
 *
 * @param justify body text set justified ({@code book.yml} {@code justify}, default true); false
 *     sets it ragged-right
 * @param hyphenate body text hyphenated by the patterns of the book's language ({@code hyphenate},
 *     default true)
 * @param pageReferences a link to another chapter or section is followed by the page it leads to,
 *     as "(page 42)" ({@code pageReferences}, default false)
 */
public record PrintSettings(boolean justify, boolean hyphenate, boolean pageReferences) {

  /** What a book that says nothing gets: justified and hyphenated, no page references. */
  public static final PrintSettings DEFAULTS = new PrintSettings(true, true, false);
}
