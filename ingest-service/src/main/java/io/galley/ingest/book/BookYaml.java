package io.galley.ingest.book;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The keys of {@code book.yml}; unknown keys are ignored. */
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
    String pageSize) {

  BookYaml {
    authors = authors == null ? List.of() : List.copyOf(authors);
    chapters = chapters == null ? List.of() : List.copyOf(chapters);
  }
}
