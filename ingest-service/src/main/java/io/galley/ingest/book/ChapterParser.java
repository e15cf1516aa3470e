package io.galley.ingest.book;

import io.galley.events.Digests;
import io.galley.ingest.validation.Problems;
import io.galley.ingest.validation.TextChecks;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one chapter file by itself: size, encoding, front matter, title, slug, order, and the
 * images and chapter links it references. Depends on nothing but the file's bytes, its path and the
 * title its listing gives, so the result can be cached by blob id. Thread-safe.
 */
final class ChapterParser {

  private static final FrontMatterParser FRONT_MATTER = new FrontMatterParser();

  private final long maxDocumentBytes;

  ChapterParser(long maxDocumentBytes) {
    this.maxDocumentBytes = maxDocumentBytes;
  }

  /** Parses {@code real} (the file behind {@code path}) with includes allowed anywhere. */
  ParsedChapter parse(BookFiles files, String path, String real, String fallbackTitle) {
    return parse(files, "", path, real, fallbackTitle);
  }

  /**
   * Parses {@code real} (the file behind {@code path}, symlinks followed) of {@code files}, its
   * includes resolved inside the book {@code folder}.
   */
  ParsedChapter parse(
      BookFiles files, String folder, String path, String real, String fallbackTitle) {
    Problems problems = new Problems();
    if (!TextChecks.withinLimit(files.size(real), maxDocumentBytes, path, "chapter", problems)) {
      return ParsedChapter.skipped(problems.recorded());
    }
    byte[] bytes = files.read(real).orElse(new byte[0]);
    Optional<String> text = TextChecks.decodeUtf8(bytes, path, problems);
    if (text.isEmpty()) {
      return ParsedChapter.skipped(problems.recorded());
    }
    FrontMatter fm = FRONT_MATTER.parse(text.get(), path, problems);
    Map<String, Integer> keyLines = KeyLines.yaml(head(text.get(), fm.lines()), 1);
    Values values = new Values(fm.values(), keyLines, path, "front matter", problems);
    if (values.flag("draft")) {
      return ParsedChapter.skipped(problems.recorded());
    }
    Includes.Expanded body =
        Includes.expand(files, folder, path, fm.body(), fm.lines(), maxDocumentBytes, problems);
    MarkdownRefs.Refs refs = MarkdownRefs.read(body.text());
    String heading = body.title() != null ? body.title() : refs.firstHeading();
    String title = title(values, heading, path, fallbackTitle);
    String slug = values.safeName("slug", values.text("slug", false));
    values.text("summary", false);
    if (title == null) {
      return ParsedChapter.skipped(problems.recorded());
    }
    List<ParsedChapter.Reference> images = references(refs.images(), fm);
    List<ParsedChapter.Reference> links = references(refs.chapterLinks(), fm);
    Problems orderProblems = new Problems();
    double order = order(new Values(fm.values(), keyLines, path, "front matter", orderProblems));
    return new ParsedChapter(
        problems.recorded(),
        false,
        body.sources().isEmpty()
            ? Digests.sha256Hex(bytes)
            : Digests.sha256Hex(text.get() + "\u0000" + body.text()),
        fm.values(),
        body.text(),
        fm.lines(),
        title,
        slug,
        images,
        orderProblems.recorded(),
        order,
        links,
        body.sources());
  }

  /** The references with their line in the file: the body's line after the front matter's. */
  private static List<ParsedChapter.Reference> references(
      List<MarkdownRefs.Ref> refs, FrontMatter fm) {
    return refs.stream()
        .map(ref -> new ParsedChapter.Reference(ref.target(), fm.lines() + ref.line()))
        .toList();
  }

  /** The first {@code lines} lines of {@code text}. */
  private static String head(String text, int lines) {
    int at = 0;
    for (int i = 0; i < lines && at >= 0; i++) {
      at = text.indexOf('\n', at);
      at = at < 0 ? -1 : at + 1;
    }
    return at < 0 ? text : text.substring(0, at);
  }

  private static String title(Values values, String heading, String path, String fallbackTitle) {
    if (values.has("title")) {
      return values.text("title", true);
    }
    if (heading != null) {
      return heading;
    }
    if (fallbackTitle != null && !fallbackTitle.isBlank()) {
      return fallbackTitle;
    }
    String name = RepoPaths.fileName(path).replaceAll("(?i)\\.md$", "");
    String words = name.replaceAll("^\\d+[-_ .]*", "").replace('-', ' ').replace('_', ' ').strip();
    return words.isEmpty() ? name : words;
  }

  private static double order(Values values) {
    if (!values.has("order")) {
      return Integer.MAX_VALUE;
    }
    Object raw = values.raw("order");
    if (raw instanceof Number n && Double.isFinite(n.doubleValue())) {
      return n.doubleValue();
    }
    if (raw == null) {
      values.warning("order", "front matter order has no value; write order: 3 or remove the line");
      return Integer.MAX_VALUE;
    }
    if (raw instanceof String s) {
      try {
        double order = Double.parseDouble(s.strip());
        if (Double.isFinite(order)) {
          values.warning(
              "order", "front matter order is quoted; write order: " + s.strip() + " (a number)");
          return order;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    values.error(
        "order",
        "front matter order must be a number, got "
            + (raw instanceof String ? raw : Values.kind(raw))
            + "; write order: 3");
    return Integer.MAX_VALUE;
  }
}
