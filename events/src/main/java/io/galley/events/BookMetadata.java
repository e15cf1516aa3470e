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
    @JsonInclude(JsonInclude.Include.NON_NULL) PrintSettings print) {

  public BookMetadata {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    authors = authors == null ? List.of() : List.copyOf(authors);
    language = language == null || language.isBlank() ? "en" : language;
    pageSize = pageSize == null || pageSize.isBlank() ? "A4" : pageSize;
    print = PrintSettings.DEFAULTS.equals(print) ? null : print;
  }

  /** Metadata with the default print settings. */
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
        null);
  }

  /** The print settings, the defaults when the book says nothing. */
  public PrintSettings printSettings() {
    return print == null ? PrintSettings.DEFAULTS : print;
  }
}
