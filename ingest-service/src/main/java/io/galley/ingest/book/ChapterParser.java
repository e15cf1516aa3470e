package io.galley.ingest.book;

import io.galley.events.Digests;
import io.galley.ingest.validation.Problems;
import io.galley.ingest.validation.TextChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one chapter file by itself: size, encoding, front matter, title, slug, order, and the
 * images and chapter links it references. Depends on nothing but the file's bytes, its path and the
 * title its listing gives, so the result can be cached by blob id. Thread-safe.
 */
final class ChapterParser {

  private static final Pattern ATX_H1 =
      Pattern.compile("^ {0,3}#[ \\t]+(.+?)(?:[ \\t]+#+)?[ \\t]*$");
  private static final Pattern SETEXT_H1 = Pattern.compile("^ {0,3}=+[ \\t]*$");
  private static final FrontMatterParser FRONT_MATTER = new FrontMatterParser();

  private final long maxDocumentBytes;

  ChapterParser(long maxDocumentBytes) {
    this.maxDocumentBytes = maxDocumentBytes;
  }

  /** Parses {@code real} (the file behind {@code path}, symlinks followed) of {@code files}. */
  ParsedChapter parse(BookFiles files, String path, String real, String fallbackTitle) {
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
    if (Boolean.TRUE.equals(fm.values().get("draft"))
        || "true".equals(String.valueOf(fm.values().get("draft")))) {
      return ParsedChapter.skipped(problems.recorded());
    }
    String masked = MarkdownRefs.maskCode(fm.body());
    String title = title(fm, masked, path, fallbackTitle, problems);
    if (title == null) {
      return ParsedChapter.skipped(problems.recorded());
    }
    List<ParsedChapter.Reference> images = references(MarkdownRefs.imagesOfMasked(masked), fm);
    List<ParsedChapter.Reference> links = references(MarkdownRefs.chapterLinksOfMasked(masked), fm);
    Problems orderProblems = new Problems();
    double order = order(fm, path, orderProblems);
    return new ParsedChapter(
        problems.recorded(),
        false,
        Digests.sha256Hex(bytes),
        fm.values(),
        fm.body(),
        fm.lines(),
        title,
        fm.string("slug"),
        images,
        orderProblems.recorded(),
        order,
        links);
  }

  /** The references with their line in the file, as {@code TextChecks.lineOf} counts them. */
  private static List<ParsedChapter.Reference> references(
      List<MarkdownRefs.Ref> refs, FrontMatter fm) {
    String body = fm.body();
    List<ParsedChapter.Reference> out = new ArrayList<>(refs.size());
    int at = 0;
    int line = 1;
    for (MarkdownRefs.Ref ref : refs) {
      int offset = Math.min(ref.offset(), body.length());
      if (offset < at) {
        at = 0;
        line = 1;
      }
      for (; at < offset; at++) {
        if (body.charAt(at) == '\n') {
          line++;
        }
      }
      out.add(new ParsedChapter.Reference(ref.target(), fm.lines() + line));
    }
    return out;
  }

  private static String title(
      FrontMatter fm, String masked, String path, String fallbackTitle, Problems problems) {
    if (fm.values().containsKey("title")) {
      String t = fm.string("title");
      if (t == null || t.isBlank()) {
        problems.error(
            path, 2, "front matter title is empty; give the chapter a title or remove the key");
        return null;
      }
      return t.strip();
    }
    String heading = firstHeadingOfMasked(masked);
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

  static String firstHeading(String body) {
    return firstHeadingOfMasked(MarkdownRefs.maskCode(body));
  }

  private static String firstHeadingOfMasked(String masked) {
    String[] lines = masked.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      Matcher atx = ATX_H1.matcher(lines[i]);
      if (atx.matches()) {
        return atx.group(1).strip();
      }
      if (i > 0 && SETEXT_H1.matcher(lines[i]).matches() && !lines[i - 1].isBlank()) {
        return lines[i - 1].strip();
      }
    }
    return null;
  }

  private static double order(FrontMatter fm, String path, Problems problems) {
    Object o = fm.values().get("order");
    if (o == null) {
      return Integer.MAX_VALUE;
    }
    if (o instanceof Number n) {
      return n.doubleValue();
    }
    problems.error(path, 2, "front matter order must be a number, got " + o);
    return Integer.MAX_VALUE;
  }
}
