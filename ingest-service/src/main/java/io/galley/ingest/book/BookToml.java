package io.galley.ingest.book;

import java.util.ArrayList;
import java.util.List;

/**
 * The few keys Galley reads from an mdBook {@code book.toml}: the {@code [book]} table's title,
 * authors, language and src (default {@code src}).
 */
record BookToml(String title, List<String> authors, String language, String src) {

  BookToml {
    authors = List.copyOf(authors);
    src = src == null || src.isBlank() ? "src" : src;
  }

  static BookToml parse(String text) {
    String table = "";
    String title = null;
    String language = null;
    String src = null;
    List<String> authors = new ArrayList<>();
    for (String raw : text.split("\r?\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[")) {
        table = line.replaceAll("[\\[\\]\\s]", "");
        continue;
      }
      int eq = line.indexOf('=');
      if (!table.equals("book") || eq < 0) {
        continue;
      }
      String key = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      switch (key) {
        case "title" -> title = unquote(value);
        case "language" -> language = unquote(value);
        case "src" -> src = unquote(value);
        case "authors" -> authors = list(value);
        default -> {}
      }
    }
    return new BookToml(title, authors, language, src);
  }

  private static List<String> list(String value) {
    List<String> out = new ArrayList<>();
    String inner = value.replaceAll("^\\[|]$", "");
    for (String part : inner.split(",")) {
      String s = unquote(part.strip());
      if (s != null && !s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  private static String unquote(String value) {
    String v = value;
    int comment = v.indexOf(" #");
    if (comment >= 0 && !(v.startsWith("\"") && v.indexOf('"', 1) > comment)) {
      v = v.substring(0, comment).strip();
    }
    if (v.length() >= 2
        && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
      return v.substring(1, v.length() - 1).replace("\\\"", "\"");
    }
    return v;
  }
}
