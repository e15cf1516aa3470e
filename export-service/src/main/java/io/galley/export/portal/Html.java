package io.galley.export.portal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.web.util.UriUtils;

/**
 * Values the portal's templates show: times, sizes and durations for people, ids and links. Plain
 * text, never markup: the templates escape it.
 */
final class Html {

  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Html() {}

  /** A path segment, percent-encoded. */
  static String encoded(String segment) {
    return UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8);
  }

  /** A query parameter value, percent-encoded. */
  static String param(String value) {
    return UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8);
  }

  /** A string safe to use in an id attribute. */
  static String slug(String text) {
    return text.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  /** A time as people read it, in UTC. */
  static String shown(Instant at) {
    return SHOWN.format(at);
  }

  /** A size for people: bytes, KB or MB (1000-based, one decimal). */
  static String size(long bytes) {
    if (bytes < 1000) {
      return bytes + " B";
    }
    if (bytes < 1_000_000) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1000.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
  }

  /** A duration in milliseconds for people. */
  static String millis(long ms) {
    return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }

  /** The link to the comparison of two commits of a book, optionally one chapter's. */
  static String diffLink(String bookId, String from, String to, String doc) {
    return "/books/"
        + encoded(bookId)
        + "/diff?from="
        + param(from)
        + "&to="
        + param(to)
        + (doc == null ? "" : "&doc=" + param(doc) + "#text-changes");
  }
}
