package io.galley.export.portal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

/** Small, escaping building blocks of the portal's server-rendered HTML. */
final class Html {

  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Html() {}

  /** Text or attribute value, escaped ({@code < > & " '}). */
  static String esc(String text) {
    return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
  }

  /** A path segment, percent-encoded, then escaped for an attribute. */
  static String seg(String segment) {
    return esc(encoded(segment));
  }

  /** A path segment, percent-encoded (not yet escaped). */
  static String encoded(String segment) {
    return UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8);
  }

  /** A query parameter value, percent-encoded, then escaped for an attribute. */
  static String param(String value) {
    return esc(UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8));
  }

  /** A string safe to use in an id attribute. */
  static String slug(String text) {
    return text.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  /** A {@code <time>} element, or a dash when unknown. */
  static String time(Instant at) {
    if (at == null) {
      return "<span>—<span class=\"visually-hidden\"> unknown</span></span>";
    }
    return "<time datetime=\"" + at + "\">" + SHOWN.format(at) + "</time>";
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

  /** The start of a page: doctype, head, skip link and banner. */
  static String head(String title) {
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <title>%s</title>
        <link rel="stylesheet" href="/portal.css">
        <script src="/portal.js" defer></script>
        </head>
        <body>
        <a class="skip-link" href="#main">Skip to main content</a>
        <header class="banner">
        <p class="brand"><a href="/">Galley</a> <span>publisher portal</span></p>
        <nav aria-label="Site"><ul><li><a href="/">Editions</a></li><li><a href="/api/editions">Editions API (JSON)</a></li></ul></nav>
        </header>
        <main id="main" tabindex="-1">
        """
        .formatted(esc(title));
  }

  /** The end of a page. */
  static String foot() {
    return """
        </main>
        <footer class="footer"><p>Galley builds an HTML, PDF and EPUB edition of every commit.</p></footer>
        </body>
        </html>
        """;
  }
}
