package io.galley.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * What a book says about itself, from {@code book.yml} (or derived when absent).
 *
 * @param id the bookId: {@code book.yml}'s {@code id}, else the book folder's name
 * @param title the book's title
 * @param subtitle may be null
 * @param authors in display order, possibly empty
 * @param language BCP 47 tag, {@code en} by default
 * @param publisher may be null
 * @param rights may be null
 * @param identifier a UUID or ISBN that stays the same across editions; derived from the id when
 *     absent
 * @param cover the cover image's path relative to the book folder, or null
 * @param pageSize {@code A4} or {@code LETTER}, for the PDF
 * @param print how the PDF is set; null (and absent from the JSON, so that a book that says nothing
 *     writes what older readers wrote) when it is {@link PrintSettings#DEFAULTS}; read it through
 *     {@link #printSettings()}
 * @param numbering whether chapters are numbered ("Chapter 3", "3.1"); {@code book.yml}'s {@code
 *     numbering}, false by default (schema version 2; left out of the JSON when false)
 * @param contentsDepth the heading levels the printed and EPUB contents list: 1 = parts and
 *     chapters, 2 = also each chapter's sections, 3 = also their subsections; 0 (the default) lets
 *     the edition choose by the number of chapters (schema version 2; left out of the JSON when 0)
 */
public record BookMetadata(
    String id,
    String title,
    String subtitle,
    List<String> authors,
    String language,
    String publisher,
    String rights,
    String identifier,
    String cover,
    String pageSize,
    @JsonInclude(JsonInclude.Include.NON_NULL) PrintSettings print,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean numbering,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer contentsDepth) {

  /** The deepest contents: chapters, sections and subsections. */
  public static final int MAX_CONTENTS_DEPTH = 3;

  public BookMetadata {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    authors = authors == null ? List.of() : List.copyOf(authors);
    language = language == null || language.isBlank() ? "en" : language;
    pageSize = pageSize == null || pageSize.isBlank() ? "A4" : pageSize;
    print = PrintSettings.DEFAULTS.equals(print) ? null : print;
    numbering = numbering != null && numbering; // both absent in version 1
    contentsDepth = contentsDepth == null ? 0 : contentsDepth;
    if (contentsDepth < 0 || contentsDepth > MAX_CONTENTS_DEPTH) {
      throw new IllegalArgumentException(
          "contentsDepth must be 0.." + MAX_CONTENTS_DEPTH + ", got " + contentsDepth);
    }
  }

  /**
   * Metadata with the default print settings, without numbering, its contents depth chosen by the
   * edition (a version 1 record).
   */
  public BookMetadata(
      String id,
      String title,
      String subtitle,
      List<String> authors,
      String language,
      String publisher,
      String rights,
      String identifier,
      String cover,
      String pageSize) {
    this(
        id,
        title,
        subtitle,
        authors,
        language,
        publisher,
        rights,
        identifier,
        cover,
        pageSize,
        null,
        false,
        0);
  }

  /** The print settings, the defaults when the book says nothing. */
  public PrintSettings printSettings() {
    return print == null ? PrintSettings.DEFAULTS : print;
  }
}
