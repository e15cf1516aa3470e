package io.galley.render.site;

import io.galley.events.BookMetadata;
import io.galley.events.ChapterEntry;
import io.galley.events.Digests;
import io.galley.events.EventJson;
import io.galley.events.Heading;
import io.galley.events.RenderedChapter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Hashes of everything a chapter page's bytes depend on (book metadata, the ordered docIds and
 * titles, the chapter's fragment, headings and the media types of its assets), so that a page with
 * an unchanged hash can be taken from an earlier build. What depends on the chapter alone ({@link
 * Part}) is computed once per rendering and kept between builds.
 */
final class PageFingerprints {

  private PageFingerprints() {}

  /**
   * What a page's fingerprint takes from its chapter alone.
   *
   * @param digest hash of the docId, title, fragment and headings
   * @param assetShas the {@code asset:} references of the fragment, sorted
   */
  record Part(byte[] digest, List<String> assetShas) {}

  /** The part of a chapter's page fingerprint that depends on the chapter alone. */
  static Part part(RenderedChapter c) {
    MessageDigest d = Digests.sha256();
    update(d, c.docId());
    update(d, c.title());
    update(d, c.xhtml());
    for (Heading h : c.headings()) {
      update(d, h.level() + " " + h.id() + " " + h.text());
    }
    return new Part(d.digest(), assetShas(c.xhtml()));
  }

  /**
   * The hash of what every page shows: book metadata, the docIds and titles in order, and each
   * chapter's part, nesting and number from {@code entries} (the sidebar groups and nests by them).
   */
  static byte[] shared(
      BookMetadata book, List<RenderedChapter> chapters, List<ChapterEntry> entries) {
    MessageDigest shared = Digests.sha256();
    shared.update(EventJson.toBytes(book));
    for (RenderedChapter c : chapters) {
      update(shared, c.docId());
      update(shared, c.title());
    }
    for (ChapterEntry e : entries) {
      update(shared, e.part() + " " + e.depth() + " " + e.number());
    }
    return shared.digest();
  }

  /** The fingerprint of a chapter's page, given the media type the site gives each asset. */
  static String of(byte[] shared, Part part, Map<String, String> media) {
    MessageDigest d = Digests.sha256();
    d.update(shared);
    d.update(part.digest());
    for (String sha : part.assetShas()) {
      update(d, sha + " " + media.get(sha));
    }
    return HexFormat.of().formatHex(d.digest());
  }

  /** The {@code asset:} references of a fragment. */
  private static List<String> assetShas(String xhtml) {
    TreeSet<String> shas = new TreeSet<>();
    for (int i = xhtml.indexOf("asset:"); i >= 0; i = xhtml.indexOf("asset:", i + 6)) {
      int end = i + 6;
      while (end < xhtml.length() && "\"'<> \t\n".indexOf(xhtml.charAt(end)) < 0) {
        end++;
      }
      shas.add(xhtml.substring(i + 6, end));
    }
    return List.copyOf(shas);
  }

  private static void update(MessageDigest d, String s) {
    byte[] bytes = String.valueOf(s).getBytes(StandardCharsets.UTF_8);
    d.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    d.update((byte) ':');
    d.update(bytes);
  }
}
