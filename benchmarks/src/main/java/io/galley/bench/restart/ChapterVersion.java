package io.galley.bench.restart;

import io.galley.events.Digests;
import io.galley.events.Heading;
import io.galley.events.RenderedChapter;
import io.galley.events.SourceDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One version of one synthetic chapter: its Markdown file (a few KB: front matter, sections of
 * prose), the source record ingest would publish for it and the rendered chapter render would
 * publish, built from the same sections so that both say the same thing. Deterministic: the same
 * book, chapter and version give the same bytes.
 *
 * @param bookId the book
 * @param docId the chapter
 * @param title the chapter's title
 * @param version how many times the chapter was written (1 for the first commit)
 * @param sections each section's heading and paragraphs
 */
record ChapterVersion(
    String bookId, String docId, String title, int version, List<Section> sections) {

  private static final List<String> WORDS =
      List.of(
          "broker",
          "partition",
          "offset",
          "manifest",
          "chapter",
          "edition",
          "replica",
          "commit",
          "consumer",
          "producer",
          "record",
          "topic",
          "segment",
          "index",
          "reader",
          "writer",
          "quickly",
          "durably",
          "in order",
          "once",
          "again",
          "together",
          "apart",
          "later");

  static final int SECTIONS = 4;
  static final int PARAGRAPHS = 3;

  /** A heading and its paragraphs. */
  record Section(String heading, String anchor, List<String> paragraphs) {}

  ChapterVersion {
    sections = List.copyOf(sections);
  }

  /** The chapter {@code docId} of {@code bookId} as written for the {@code version}-th time. */
  static ChapterVersion of(String bookId, String docId, int version) {
    Random random = new Random((bookId + "/" + docId).hashCode() * 1_000_003L + version);
    List<Section> sections = new ArrayList<>();
    for (int s = 1; s <= SECTIONS; s++) {
      List<String> paragraphs = new ArrayList<>();
      for (int p = 0; p < PARAGRAPHS; p++) {
        paragraphs.add(paragraph(random, 40));
      }
      sections.add(new Section("Part " + s + " of " + docId, "part-" + s, paragraphs));
    }
    return new ChapterVersion(bookId, docId, "Chapter " + docId, version, sections);
  }

  private static String paragraph(Random random, int words) {
    StringBuilder text = new StringBuilder("The");
    for (int i = 0; i < words; i++) {
      text.append(' ').append(WORDS.get(random.nextInt(WORDS.size())));
    }
    return text.append('.').toString();
  }

  /** The Markdown body, front matter removed. */
  String markdown() {
    StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
    md.append("Version ").append(version).append(" of this chapter.\n\n");
    for (Section s : sections) {
      md.append("## ").append(s.heading()).append("\n\n");
      s.paragraphs().forEach(p -> md.append(p).append("\n\n"));
    }
    return md.toString();
  }

  /** The file as committed: front matter and body. */
  String file() {
    return "---\ntitle: \"" + title + "\"\n---\n" + markdown();
  }

  /** The SHA-256 of the file's bytes: what manifests, sources and renderings join on. */
  String sha256() {
    return Digests.sha256Hex(file());
  }

  /** The source record ingest publishes for this version at {@code commit}. */
  SourceDocument source(String commit) {
    return new SourceDocument(
        bookId,
        docId,
        "books/" + bookId + "/" + docId + ".md",
        commit,
        sha256(),
        Map.of("title", title),
        markdown(),
        3,
        List.of());
  }

  /** The rendered chapter render publishes for this version, with {@code rendererVersion}. */
  RenderedChapter rendered(String rendererVersion) {
    StringBuilder xhtml = new StringBuilder("<h1 id=\"top\">").append(title).append("</h1>");
    xhtml.append("<p>Version ").append(version).append(" of this chapter.</p>");
    List<Heading> headings = new ArrayList<>(List.of(new Heading(1, "top", title)));
    for (Section s : sections) {
      xhtml.append("<h2 id=\"").append(s.anchor()).append("\">").append(s.heading());
      xhtml.append("</h2>");
      s.paragraphs().forEach(p -> xhtml.append("<p>").append(p).append("</p>"));
      headings.add(new Heading(2, s.anchor(), s.heading()));
    }
    return new RenderedChapter(
        bookId,
        docId,
        sha256(),
        rendererVersion,
        title,
        xhtml.toString(),
        headings,
        List.of(),
        List.of(),
        List.of());
  }
}
