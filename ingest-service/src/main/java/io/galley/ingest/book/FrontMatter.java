package io.galley.ingest.book;

import java.util.Map;

/**
 * A chapter split into its YAML front matter and Markdown body.
 *
 * @param values the parsed front matter, empty when absent or malformed
 * @param body the Markdown after the front matter
 * @param lines how many lines the front matter took, delimiters included
 */
public record FrontMatter(Map<String, Object> values, String body, int lines) {

  public FrontMatter {
    values =
        values == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
  }

  /** A string value, or null when absent or not a scalar. */
  public String string(String key) {
    Object v = values.get(key);
    return v instanceof String || v instanceof Number || v instanceof Boolean ? v.toString() : null;
  }
}
