package io.galley.render.site;

import io.galley.events.BookMetadata;
import io.galley.events.Digests;
import io.galley.events.EventJson;
import io.galley.events.Heading;
import io.galley.events.RenderedChapter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hashes of everything a chapter page's bytes depend on (book metadata, the ordered docIds and
 * titles, the chapter's fragment, headings and the media types of its assets), by page path, so
 * that a page with an unchanged hash can be taken from an earlier build.
 */
final class PageFingerprints {

  private PageFingerprints() {}

  /**
   * The fingerprint of each chapter page by its path; empty when two chapters share a page (then
   * nothing is reused).
   */
  static Map<String, String> of(
      BookMetadata book, List<RenderedChapter> chapters, Map<String, String> media) {
    MessageDigest shared = Digests.sha256();
    shared.update(EventJson.toBytes(book));
    for (RenderedChapter c : chapters) {
      update(shared, c.docId());
      update(shared, c.title());
    }
    byte[] sharedHash = shared.digest();
    Map<String, String> result = new HashMap<>();
    for (RenderedChapter c : chapters) {
      MessageDigest d = Digests.sha256();
      d.update(sharedHash);
      update(d, c.docId());
      update(d, c.title());
      update(d, c.xhtml());
      for (Heading h : c.headings()) {
        update(d, h.level() + " " + h.id() + " " + h.text());
      }
      assetMediaTypes(c.xhtml(), media).forEach((sha, type) -> update(d, sha + " " + type));
      if (result.put(SiteLinks.pagePath(c.docId()), HexFormat.of().formatHex(d.digest())) != null) {
        return Map.of();
      }
    }
    return result;
  }

  /** The media type the site gives each {@code asset:} reference in a fragment. */
  private static Map<String, String> assetMediaTypes(String xhtml, Map<String, String> media) {
    Map<String, String> types = new TreeMap<>();
    for (int i = xhtml.indexOf("asset:"); i >= 0; i = xhtml.indexOf("asset:", i + 6)) {
      int end = i + 6;
      while (end < xhtml.length() && "\"'<> \t\n".indexOf(xhtml.charAt(end)) < 0) {
        end++;
      }
      String sha = xhtml.substring(i + 6, end);
      types.put(sha, String.valueOf(media.get(sha)));
    }
    return types;
  }

  private static void update(MessageDigest d, String s) {
    byte[] bytes = String.valueOf(s).getBytes(StandardCharsets.UTF_8);
    d.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    d.update((byte) ':');
    d.update(bytes);
  }
}
