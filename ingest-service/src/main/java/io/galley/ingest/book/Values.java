package io.galley.ingest.book;

import io.galley.ingest.validation.Problems;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads typed values out of an editor's YAML or TOML keys: a missing value, a null, a number where
 * text is expected or a list where one value is expected becomes a problem at the key's line that
 * says what to write instead, never an exception.
 */
final class Values {

  private static final Pattern SAFE_NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]*");

  private final Map<String, ?> values;
  private final Map<String, Integer> lines;
  private final String path;
  private final String file;
  private final Problems problems;

  /** Values of {@code file} (as named in messages) at {@code path}, with their keys' lines. */
  Values(Map<String, ?> values, Map<String, Integer> lines, String path, String file, Problems p) {
    this.values = values;
    this.lines = lines;
    this.path = path;
    this.file = file;
    this.problems = p;
  }

  int line(String key) {
    return KeyLines.of(lines, key, 0);
  }

  /** Records an error at {@code key}'s line. */
  void error(String key, String message) {
    problems.error(path, line(key), message);
  }

  /** Records a warning at {@code key}'s line. */
  void warning(String key, String message) {
    problems.warning(path, line(key), message);
  }

  /** The value as parsed, or null. */
  Object raw(String key) {
    return values.get(key);
  }

  boolean has(String key) {
    return values.containsKey(key);
  }

  /**
   * A text value: numbers and booleans are taken as text with a warning, a key with no value is
   * reported (an error when {@code required}, else a warning), a list or map is an error; null when
   * absent or unusable.
   */
  String text(String key, boolean required) {
    if (!values.containsKey(key)) {
      return null;
    }
    Object v = values.get(key);
    if (v == null || v instanceof String s && s.isBlank()) {
      String message =
          file + " key " + key + " has no value; write " + key + ": <text> or remove the line";
      if (required) {
        problems.error(path, line(key), message);
      } else {
        problems.warning(path, line(key), message);
      }
      return null;
    }
    if (v instanceof String s) {
      return s.strip();
    }
    if (v instanceof Number || v instanceof Boolean) {
      problems.warning(
          path,
          line(key),
          file + " key " + key + " is " + v + ", not text; quote it: " + key + ": \"" + v + "\"");
      return v.toString();
    }
    problems.error(
        path,
        line(key),
        file
            + " key "
            + key
            + " must be one text value, got "
            + kind(v)
            + "; write "
            + key
            + ": <text>");
    return null;
  }

  /** A list of texts; one text is taken as a list of one with a warning. Empty when unusable. */
  List<String> texts(String key) {
    Object v = values.get(key);
    if (v == null) {
      if (values.containsKey(key)) {
        problems.warning(
            path, line(key), file + " key " + key + " has no value; write " + key + ": [a, b]");
      }
      return List.of();
    }
    if (v instanceof String || v instanceof Number || v instanceof Boolean) {
      problems.warning(
          path,
          line(key),
          file + " key " + key + " should be a list; write " + key + ": [" + v + "]");
      return List.of(v.toString().strip());
    }
    if (!(v instanceof List<?> list)) {
      problems.error(
          path,
          line(key),
          file
              + " key "
              + key
              + " must be a list of texts, got "
              + kind(v)
              + "; write "
              + key
              + ": [a, b]");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Object item : list) {
      if (item instanceof String || item instanceof Number || item instanceof Boolean) {
        out.add(item.toString().strip());
      } else {
        problems.error(
            path,
            line(key),
            file + " key " + key + " must list texts only, got " + kind(item) + " in the list");
        return List.of();
      }
    }
    return out;
  }

  /** A boolean: {@code true}/{@code false}, also quoted; anything else is a warning and false. */
  boolean flag(String key) {
    Object v = values.get(key);
    if (v == null || v instanceof Boolean) {
      return Boolean.TRUE.equals(v);
    }
    if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s);
    }
    problems.warning(
        path,
        line(key),
        file + " key " + key + " must be true or false, got " + v + "; taken as false");
    return false;
  }

  /**
   * A whole number from {@code min} to {@code max} (also quoted); {@code absent} when the key is
   * absent, a warning and {@code absent} when it is anything else.
   */
  int number(String key, int min, int max, int absent) {
    Object v = values.get(key);
    if (v == null && !values.containsKey(key)) {
      return absent;
    }
    String s = v == null ? "" : v.toString().strip();
    if (s.matches("\\d{1,3}")) {
      int n = Integer.parseInt(s);
      if (n >= min && n <= max) {
        return n;
      }
    }
    problems.warning(
        path,
        line(key),
        file
            + " key "
            + key
            + " must be a number from "
            + min
            + " to "
            + max
            + ", got "
            + v
            + "; write "
            + key
            + ": "
            + max
            + " or remove the line");
    return absent;
  }

  /**
   * An id or slug safe in file names and URLs: letters, digits, '.', '_' and '-', not starting with
   * '.' and without "..". Records an error naming a safe alternative, and returns null, otherwise.
   */
  String safeName(String key, String value) {
    if (value == null) {
      return null;
    }
    String nfc = Normalizer.normalize(value, Normalizer.Form.NFC);
    if (isSafeName(nfc)) {
      return nfc;
    }
    problems.error(
        path,
        line(key),
        file
            + " key "
            + key
            + " is "
            + value
            + ", which is unsafe in file names and URLs (use letters, digits, '-', '_' and '.', no"
            + " '/' or '..'); write "
            + key
            + ": "
            + suggestName(nfc));
    return null;
  }

  static boolean isSafeName(String value) {
    return SAFE_NAME.matcher(value).matches() && !value.contains("..");
  }

  static String suggestName(String value) {
    String s = value.replaceAll("[^\\p{L}\\p{N}._-]+", "-").replaceAll("\\.{2,}", ".");
    s = s.replaceAll("^[._-]+|[._-]+$", "");
    return s.isEmpty() ? "my-book" : s;
  }

  static String kind(Object v) {
    return v instanceof List<?> ? "a list" : v instanceof Map<?, ?> ? "a map" : "a " + typeOf(v);
  }

  private static String typeOf(Object v) {
    return v == null ? "null" : v instanceof Number ? "number" : v.getClass().getSimpleName();
  }
}
