package io.galley.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One sample of every event type, as today's writer builds it; the golden files under {@code
 * src/test/resources/golden/<type>/v<n>.json} were written from these and reviewed. Every component
 * holds a distinct non-default value, so a field read into the wrong component shows.
 */
final class GoldenEvents {

  static final String SHA_A = "a".repeat(64);
  static final String SHA_B = "b".repeat(64);
  static final String COMMIT = "c".repeat(40);
  static final String PARENT = "d".repeat(40);
  static final Instant AT = Instant.parse("2026-11-01T10:15:30Z");

  private GoldenEvents() {}

  static CommitIngested commitIngested() {
    BookMetadata book =
        new BookMetadata(
            "go-guide",
            "Go",
            "A guide",
            List.of("Ada", "Grace"),
            "en",
            "Galley",
            "CC-BY",
            "urn:uuid:1",
            "cover.png",
            "A4");
    return new CommitIngested(
        "go-guide",
        COMMIT,
        PARENT,
        "Ada <ada@example.org>",
        "Add intro",
        AT,
        book,
        List.of(
            new ChapterEntry("intro", SHA_A, "Introduction"),
            new ChapterEntry("basics", SHA_B, "Basics")),
        List.of(new AssetRef("img/gopher.png", SHA_A, "image/png")),
        List.of("intro"),
        List.of("old"),
        false,
        List.of(new Problem("intro.md", 3, 7, Severity.WARNING, "link to missing chapter 'x.md'")));
  }

  /** Version 2: a book that numbers its chapters, a part and a nested sub-chapter. */
  static CommitIngested commitIngestedV2() {
    CommitIngested v1 = commitIngested();
    BookMetadata b = v1.book();
    BookMetadata book =
        new BookMetadata(
            b.id(),
            b.title(),
            b.subtitle(),
            b.authors(),
            b.language(),
            b.publisher(),
            b.rights(),
            b.identifier(),
            b.cover(),
            b.pageSize(),
            null,
            true,
            2);
    return new CommitIngested(
        v1.bookId(),
        v1.commit(),
        v1.parent(),
        v1.author(),
        v1.message(),
        v1.committedAt(),
        book,
        List.of(
            new ChapterEntry("intro", SHA_A, "Introduction", "Getting started", 0, "1"),
            new ChapterEntry("basics", SHA_B, "Basics", "Getting started", 1, "1.1")),
        v1.assets(),
        v1.changed(),
        v1.deleted(),
        v1.snapshot(),
        v1.warnings());
  }

  static CommitRejected commitRejected() {
    return new CommitRejected(
        "go-guide",
        COMMIT,
        "Ada <ada@example.org>",
        "Break",
        AT,
        List.of(
            new Problem("intro.md", 1, 2, Severity.ERROR, "front matter is not valid YAML"),
            Problem.warning("basics.md", 9, "image has no alt text")));
  }

  static SourceDocument sourceDocument() {
    return new SourceDocument(
        "go-guide",
        "intro",
        "guide/intro.md",
        COMMIT,
        SHA_A,
        Map.of("title", "Introduction", "order", 1),
        "# Introduction\n\n![Gopher](img/gopher.png)\n",
        4,
        List.of(new AssetRef("img/gopher.png", SHA_B, "image/png")));
  }

  static RenderedChapter renderedChapter() {
    return new RenderedChapter(
        "go-guide",
        "intro",
        SHA_A,
        "render-1",
        "Introduction",
        "<h1 id=\"introduction\">Introduction</h1><p><a href=\"doc:basics\">Basics</a></p>",
        List.of(new Heading(1, "introduction", "Introduction")),
        List.of("basics"),
        List.of(new AssetRef("img/gopher.png", SHA_B, "image/png")),
        List.of(Problem.warning("intro.md", 5, "remote image not embedded")));
  }

  static EditionPublished editionPublished() {
    return new EditionPublished(
        "e1",
        "go-guide",
        COMMIT,
        EditionFormat.PDF,
        SHA_A,
        1234,
        51,
        AT,
        800,
        "/books/go-guide/editions/e1.pdf");
  }

  static EditionFailed editionFailed() {
    return new EditionFailed("e2", "go-guide", COMMIT, EditionFormat.EPUB, "boom", AT);
  }
}
