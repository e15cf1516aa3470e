package io.galley.ingest.book;

import io.galley.ingest.validation.Problems;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.dataformat.toml.TomlFactory;
import tools.jackson.dataformat.toml.TomlMapper;

/**
 * The few keys Galley reads from an mdBook {@code book.toml}: the {@code [book]} table's title,
 * authors, language and src (default {@code src}). Read with a TOML parser, so arrays over several
 * lines, comments and escapes read as TOML says.
 */
record BookToml(String title, List<String> authors, String language, String src) {

  private static final TomlMapper TOML =
      TomlMapper.builder(
              TomlFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(20).build())
                  .build())
          .build();

  BookToml {
    authors = List.copyOf(authors);
    src = src == null || src.isBlank() ? "src" : src;
  }

  /** Reads {@code text} (the file at {@code path}); null, with an error recorded, when unusable. */
  static BookToml parse(String text, String path, Problems problems) {
    Map<?, ?> root;
    try {
      root = TOML.readValue(text, Map.class);
    } catch (JacksonException e) {
      int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
      String message = e.getOriginalMessage() == null ? "unreadable TOML" : e.getOriginalMessage();
      problems.error(
          path, line, "malformed book.toml: " + message.lines().findFirst().orElse("").strip());
      return null;
    }
    Object book = root == null ? null : root.get("book");
    if (book == null) {
      return new BookToml(null, List.of(), null, null);
    }
    if (!(book instanceof Map<?, ?> table)) {
      problems.error(path, 0, "book.toml: book must be a table; write [book] on a line of its own");
      return null;
    }
    Map<String, Object> keys = new HashMap<>();
    table.forEach((k, v) -> keys.put(String.valueOf(k), v));
    Values v = new Values(keys, KeyLines.toml(text, "book"), path, "book.toml", problems);
    return new BookToml(
        v.text("title", false),
        v.texts("authors"),
        v.text("language", false),
        v.text("src", false));
  }
}
