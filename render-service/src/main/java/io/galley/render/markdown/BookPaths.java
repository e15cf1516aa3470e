package io.galley.render.markdown;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/** Resolution of relative paths inside a book folder. */
final class BookPaths {

  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

  private BookPaths() {}

  /** Whether a link destination names a scheme ({@code https:}, {@code mailto:}, ...). */
  static boolean hasScheme(String destination) {
    return SCHEME.matcher(destination).find();
  }

  /** Percent-decodes a path or fragment ({@code +} stays), as written when it is malformed. */
  static String decode(String encoded) {
    try {
      return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return encoded;
    }
  }

  /**
   * Resolves {@code relative} (percent-encoded, without fragment) against {@code folder}; null when
   * it leaves the book folder.
   */
  static String resolve(String folder, String relative) {
    String decoded = decode(relative);
    Deque<String> parts = new ArrayDeque<>();
    if (!decoded.startsWith("/")) {
      for (String p : folder.split("/")) {
        if (!p.isEmpty()) {
          parts.addLast(p);
        }
      }
    }
    for (String p : decoded.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.removeLast();
      } else {
        parts.addLast(p);
      }
    }
    return String.join("/", parts);
  }
}
