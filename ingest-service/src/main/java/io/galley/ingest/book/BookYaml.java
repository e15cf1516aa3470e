package io.galley.ingest.book;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.galley.events.PrintSettings;
import java.util.List;

/**
 * The keys of {@code book.yml}; unknown keys are ignored. {@code strictLinks: true} makes links to
 * missing chapters errors instead of warnings; {@code justify}, {@code hyphenate} and {@code
 * pageReferences} set the PDF ({@link PrintSettings}); {@code numbering: true} numbers the
 * chapters; {@code contentsDepth} (1 to 3, 0 = chosen by the edition) sets how deep the printed and
 * EPUB contents go.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record BookYaml(
    String id,
    String title,
    String subtitle,
    List<String> authors,
    String language,
    String publisher,
    String rights,
    String identifier,
    String cover,
    List<String> chapters,
    String pageSize,
    Boolean strictLinks,
    PrintSettings print,
    boolean numbering,
    int contentsDepth) {

  BookYaml {
    authors = authors == null ? List.of() : List.copyOf(authors);
    chapters = chapters == null ? List.of() : List.copyOf(chapters);
    strictLinks = Boolean.TRUE.equals(strictLinks);
    print = print == null ? PrintSettings.DEFAULTS : print;
  }
}
