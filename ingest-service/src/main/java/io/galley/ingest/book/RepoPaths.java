package io.galley.ingest.book;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Path arithmetic on repository-relative, slash-separated paths. */
final class RepoPaths {

  private RepoPaths() {}

  /** Joins a folder ("" = root) and a relative path. */
  static String join(String folder, String relative) {
    return folder.isEmpty() ? relative : folder + "/" + relative;
  }

  /** The folder of a path ("" for a root file). */
  static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /** The file name of a path. */
  static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** A path relative to a folder that contains it. */
  static String relativize(String folder, String path) {
    return folder.isEmpty() ? path : path.substring(folder.length() + 1);
  }

  /** Whether a path lies inside a folder ("" contains everything). */
  static boolean isInside(String folder, String path) {
    return folder.isEmpty() || path.startsWith(folder + "/");
  }

  /**
   * Resolves a reference relative to a folder, normalising {@code .} and {@code ..}; empty when it
   * climbs above the repository root or is absolute.
   */
  static Optional<String> resolve(String folder, String reference) {
    String ref = decode(reference);
    if (ref.startsWith("/") || ref.contains("\\") || ref.contains(":")) {
      return Optional.empty();
    }
    Deque<String> parts = new ArrayDeque<>();
    for (String p : join(folder, ref).split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (parts.isEmpty()) {
          return Optional.empty();
        }
        parts.removeLast();
      } else {
        parts.addLast(p);
      }
    }
    return Optional.of(String.join("/", parts));
  }

  private static String decode(String reference) {
    try {
      return reference.contains("%")
          ? URLDecoder.decode(reference.replace("+", "%2B"), StandardCharsets.UTF_8)
          : reference;
    } catch (IllegalArgumentException e) {
      return reference;
    }
  }
}
