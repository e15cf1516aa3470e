package io.galley.ingest.book;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The keys of {@code book.yml}; unknown keys are ignored. {@code strictLinks: true} makes links to
 * missing chapters errors instead of warnings.
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
    Boolean strictLinks) {

  BookYaml {
    authors = authors == null ? List.of() : List.copyOf(authors);
    chapters = chapters == null ? List.of() : List.copyOf(chapters);
    strictLinks = Boolean.TRUE.equals(strictLinks);
  }
}
