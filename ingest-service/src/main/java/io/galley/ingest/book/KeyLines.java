package io.galley.ingest.book;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the top-level keys of a YAML mapping, or the keys of one TOML table, are written, so a
 * problem with a value points at its line. Only the first occurrence of a key counts.
 */
final class KeyLines {

  private static final Pattern YAML_KEY = Pattern.compile("^([A-Za-z_][\\w-]*)[ \\t]*:(?:\\s|$)");
  private static final Pattern TOML_KEY = Pattern.compile("^\\s*([A-Za-z_][\\w-]*)\\s*=");
  private static final Pattern TOML_TABLE = Pattern.compile("^\\s*\\[\\s*([^\\]]*?)\\s*]");

  private KeyLines() {}

  /** Top-level YAML keys of {@code text}, with their line plus {@code firstLine - 1}. */
  static Map<String, Integer> yaml(String text, int firstLine) {
    Map<String, Integer> lines = new HashMap<>();
    int n = firstLine;
    for (String line : text.split("\n", -1)) {
      Matcher m = YAML_KEY.matcher(line);
      if (m.find()) {
        lines.putIfAbsent(m.group(1), n);
      }
      n++;
    }
    return lines;
  }

  /** The keys of TOML table {@code table} of {@code text}, with their 1-based line. */
  static Map<String, Integer> toml(String text, String table) {
    Map<String, Integer> lines = new HashMap<>();
    String current = "";
    int n = 1;
    for (String line : text.split("\n", -1)) {
      Matcher t = TOML_TABLE.matcher(line);
      Matcher k = TOML_KEY.matcher(line);
      if (t.find()) {
        current = t.group(1);
      } else if (current.equals(table) && k.find()) {
        lines.putIfAbsent(k.group(1), n);
      }
      n++;
    }
    return lines;
  }

  /** The line of {@code key}, else {@code fallback}. */
  static int of(Map<String, Integer> lines, String key, int fallback) {
    return lines.getOrDefault(key, fallback);
  }
}
