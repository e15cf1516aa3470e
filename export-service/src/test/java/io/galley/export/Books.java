package io.galley.export;

import io.galley.events.AssetRef;
import io.galley.events.BookMetadata;
import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.events.Digests;
import io.galley.events.Heading;
import io.galley.events.RenderedChapter;
import io.galley.export.edition.AssetSource;
import io.galley.export.edition.BookContent;
import io.galley.testsupport.TestImages;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test fixtures: a small book with links, images, code, a table and footnotes. */
public final class Books {

  public static final String RENDERER = "render-test/1";
  public static final byte[] PNG = TestImages.png(40, 30, Color.ORANGE);
  public static final byte[] COVER = TestImages.png(60, 90, Color.BLUE);
  public static final byte[] SVG =
      """
      <svg xmlns="http://www.w3.org/2000/svg" width="120" height="60" viewBox="0 0 120 60">\
      <rect x="5" y="5" width="110" height="50" fill="#3a7"/></svg>"""
          .getBytes(StandardCharsets.UTF_8);

  private Books() {}

  public static AssetRef png() {
    return new AssetRef("images/diagram.png", Digests.sha256Hex(PNG), "image/png");
  }

  public static AssetRef cover() {
    return new AssetRef("cover.png", Digests.sha256Hex(COVER), "image/png");
  }

  public static AssetRef svg() {
    return new AssetRef("images/shape.svg", Digests.sha256Hex(SVG), "image/svg+xml");
  }

  public static Map<String, byte[]> assetBytes() {
    return Map.of(png().sha256(), PNG, cover().sha256(), COVER, svg().sha256(), SVG);
  }

  /** A three-chapter guide at the given commit. */
  public static CommitIngested goGuide(String bookId, String commit, Instant at) {
    BookMetadata meta =
        new BookMetadata(
            bookId,
            "The Go Guide",
            "Practical notes",
            List.of("Ada Lovelace", "Алексей Иванов"),
            "en",
            "Galley Press",
            "CC BY 4.0",
            null,
            "cover.png",
            "A4");
    List<ChapterEntry> chapters =
        List.of(
            new ChapterEntry("intro", sha("intro"), "Introduction"),
            new ChapterEntry("basics/types", sha("types"), "Types and Values"),
            new ChapterEntry("appendix", sha("appendix"), "Appendix Ωmega"));
    return new CommitIngested(
        bookId,
        commit,
        null,
        "Ada <ada@example.org>",
        "edit",
        at,
        meta,
        chapters,
        List.of(png(), cover(), svg()),
        List.of("intro"),
        List.of(),
        true,
        List.of());
  }

  /** A one-chapter US Letter book with no cover, authors or images. */
  public static BookContent minimal() {
    BookMetadata meta =
        new BookMetadata(
            "notes",
            "Notes & <Drafts>",
            null,
            List.of(),
            "de",
            null,
            null,
            "9780306406157",
            null,
            "LETTER");
    CommitIngested manifest =
        new CommitIngested(
            "notes",
            "1111111111111111111111111111111111111111",
            null,
            "a",
            "m",
            Instant.parse("2026-02-02T02:02:02Z"),
            meta,
            List.of(new ChapterEntry("only", sha("only"), "Only")),
            List.of(),
            List.of(),
            List.of(),
            true,
            List.of());
    RenderedChapter only =
        new RenderedChapter(
            "notes",
            "only",
            sha("only"),
            RENDERER,
            "Only",
            "<p>Kein Titel &amp; keine Bilder; <a href=\"asset:%s\">raw</a>.</p>"
                .formatted(png().sha256()),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    return new BookContent(manifest, List.of(only), assets());
  }

  public static CommitIngested goGuide() {
    return goGuide(
        "go-guide",
        "0123456789abcdef0123456789abcdef01234567",
        Instant.parse("2026-03-01T10:15:30Z"));
  }

  public static List<RenderedChapter> rendered(CommitIngested manifest) {
    String book = manifest.bookId();
    return List.of(
        new RenderedChapter(
            book,
            "intro",
            sha("intro"),
            RENDERER,
            "Introduction",
            intro(),
            List.of(
                new Heading(1, "introduction", "Introduction"), new Heading(2, "why-go", "Why Go")),
            List.of("basics/types"),
            List.of(png()),
            List.of()),
        new RenderedChapter(
            book,
            "basics/types",
            sha("types"),
            RENDERER,
            "Types and Values",
            types(),
            List.of(
                new Heading(1, "types-and-values", "Types and Values"),
                new Heading(2, "numbers", "Numbers"),
                new Heading(2, "strings", "Strings")),
            List.of("intro"),
            List.of(svg()),
            List.of()),
        new RenderedChapter(
            book,
            "appendix",
            sha("appendix"),
            RENDERER,
            "Appendix Ωmega",
            "<h1 id=\"appendix\">Appendix Ωmega</h1><p>Ελληνικά και русский текст. Back to"
                + " <a href=\"doc:intro\">the start</a>.</p>",
            List.of(new Heading(1, "appendix", "Appendix Ωmega")),
            List.of("intro"),
            List.of(),
            List.of()));
  }

  public static BookContent content() {
    CommitIngested manifest = goGuide();
    return new BookContent(manifest, rendered(manifest), assets());
  }

  public static AssetSource assets() {
    Map<String, byte[]> bytes = assetBytes();
    return new AssetSource() {
      @Override
      public Optional<byte[]> bytes(String sha256) {
        return Optional.ofNullable(bytes.get(sha256));
      }

      @Override
      public boolean contains(String sha256) {
        return bytes.containsKey(sha256);
      }
    };
  }

  private static String intro() {
    return """
        <h1 id="introduction">Introduction</h1>
        <p>Welcome. See <a href="doc:basics/types#numbers">numbers</a> and \
        <a href="https://go.dev">the site</a>.<sup class="footnote-ref"><a href="#fn-1" id="fnref-1" \
        data-footnote-ref="">1</a></sup></p>
        <p><img src="asset:%s" alt="A diagram" /></p>
        <h2 id="why-go">Why Go</h2>
        <pre><code class="language-go"><span class="tok-keyword">func</span> main() { \
        fmt.Println(<span class="tok-string">"hello, a very long line that must wrap because it goes on and on \
        and on beyond the right margin of the page"</span>) }</code></pre>
        <table><thead><tr><th align="left">Kind</th><th align="right">Size</th></tr></thead>
        <tbody><tr><td align="left">int</td><td align="right">8</td></tr></tbody></table>
        <section class="footnotes" data-footnotes="">
        <ol><li id="fn-1"><p>A footnote. <a href="#fnref-1" class="footnote-backref" \
        data-footnote-backref="" aria-label="Back to reference 1">↩</a></p></li></ol></section>
        """
        .formatted(png().sha256());
  }

  private static String types() {
    return """
        <h1 id="types-and-values">Types and Values</h1>
        <p>Back to <a href="doc:intro#why-go">why</a>; missing <a href="doc:nowhere">link</a>.</p>
        <h2 id="numbers">Numbers</h2>
        <p>Numbers: <code>int64</code>. Кириллица и ελληνικά.</p>
        <p><img src="asset:%s" alt="A shape" /></p>
        <h2 id="strings">Strings</h2>
        <ul><li>one</li><li>two</li></ul>
        """
        .formatted(svg().sha256());
  }

  private static String sha(String doc) {
    return Digests.sha256Hex("source of " + doc);
  }
}
