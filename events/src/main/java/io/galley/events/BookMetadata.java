package io.galley.events;

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
    String pageSize) {

  public BookMetadata {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    authors = authors == null ? List.of() : List.copyOf(authors);
    language = language == null || language.isBlank() ? "en" : language;
    pageSize = pageSize == null || pageSize.isBlank() ? "A4" : pageSize;
  }
}
