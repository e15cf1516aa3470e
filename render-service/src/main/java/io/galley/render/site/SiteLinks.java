package io.galley.render.site;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.web.util.UriUtils;

/** Where things live inside a site, and relative links between its pages. */
final class SiteLinks {

  private SiteLinks() {}

  /** The page of a chapter, relative to the site root: {@code guide/setup.html}. */
  static String pagePath(String docId) {
    return docId + ".html";
  }

  /** The file of an asset, relative to the site root. */
  static String assetPath(String sha256, String mediaType) {
    return "assets/" + sha256 + "." + extension(mediaType);
  }

  /** The prefix leading from a page at {@code path} back to the site root ({@code ../..}). */
  static String toRoot(String path) {
    int depth = (int) path.chars().filter(c -> c == '/').count();
    return "../".repeat(depth);
  }

  /** A URL-encoded relative link from the page at {@code fromPath} to {@code targetPath}. */
  static String link(String fromPath, String targetPath) {
    StringBuilder s = new StringBuilder(toRoot(fromPath));
    String[] parts = targetPath.split("/");
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        s.append('/');
      }
      // ':' encoded too: a first segment "javascript:x.html" would otherwise read as a scheme
      s.append(UriUtils.encodePathSegment(parts[i], StandardCharsets.UTF_8).replace(":", "%3A"));
    }
    return s.toString();
  }

  static String extension(String mediaType) {
    return switch (mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT)) {
      case "image/png" -> "png";
      case "image/jpeg", "image/jpg" -> "jpg";
      case "image/gif" -> "gif";
      case "image/svg+xml" -> "svg";
      case "image/webp" -> "webp";
      default -> "bin";
    };
  }
}
