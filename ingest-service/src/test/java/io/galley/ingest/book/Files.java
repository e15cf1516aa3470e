package io.galley.ingest.book;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds in-memory commits for book tests. */
final class Files {

  private final Map<String, byte[]> files = new LinkedHashMap<>();

  static Files of() {
    return new Files();
  }

  Files text(String path, String text) {
    files.put(path, text.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  Files bytes(String path, byte[] bytes) {
    files.put(path, bytes);
    return this;
  }

  BookFiles build() {
    return BookFiles.of(files);
  }
}
