package io.galley.ingest.book;

import io.galley.events.AssetRef;
import io.galley.events.Digests;
import io.galley.ingest.validation.Problems;
import io.galley.ingest.validation.TextChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one chapter file: size, encoding, front matter, title, slug and images. */
final class ChapterReader {

  private static final Pattern ATX_H1 =
      Pattern.compile("^ {0,3}#[ \\t]+(.+?)(?:[ \\t]+#+)?[ \\t]*$");
  private static final Pattern SETEXT_H1 = Pattern.compile("^ {0,3}=+[ \\t]*$");
  private static final FrontMatterParser FRONT_MATTER = new FrontMatterParser();

  private final BookFiles files;
  private final AssetResolver assets;
  private final long maxDocumentBytes;
  private final Problems problems;

  ChapterReader(BookFiles files, AssetResolver assets, long maxDocumentBytes, Problems problems) {
    this.files = files;
    this.assets = assets;
    this.maxDocumentBytes = maxDocumentBytes;
    this.problems = problems;
  }

  /** A chapter read from {@code path}; empty for drafts and for files with errors. */
  Optional<ReadChapter> read(String path, String docId, String fallbackTitle) {
    Optional<String> real = assets.realPath(path);
    if (real.isEmpty()
        || !TextChecks.withinLimit(
            files.size(real.get()), maxDocumentBytes, path, "chapter", problems)) {
      return Optional.empty();
    }
    byte[] bytes = files.read(real.get()).orElse(new byte[0]);
    Optional<String> text = TextChecks.decodeUtf8(bytes, path, problems);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    FrontMatter fm = FRONT_MATTER.parse(text.get(), path, problems);
    if (Boolean.TRUE.equals(fm.values().get("draft"))
        || "true".equals(String.valueOf(fm.values().get("draft")))) {
      return Optional.empty();
    }
    String title = title(fm, path, fallbackTitle);
    if (title == null) {
      return Optional.empty();
    }
    List<AssetRef> refs = new ArrayList<>();
    for (MarkdownRefs.Ref ref : MarkdownRefs.images(fm.body())) {
      int line = fm.lines() + TextChecks.lineOf(fm.body(), ref.offset());
      assets
          .image(ref.target(), RepoPaths.parent(path), path, line)
          .ifPresent(
              a -> {
                if (!refs.contains(a)) {
                  refs.add(a);
                }
              });
    }
    Chapter chapter =
        new Chapter(
            docId,
            path,
            Digests.sha256Hex(bytes),
            fm.values(),
            fm.body(),
            fm.lines(),
            title,
            fm.string("slug"),
            refs);
    return Optional.of(new ReadChapter(chapter, order(fm, path)));
  }

  /** A chapter with its front matter order (Integer.MAX_VALUE when absent). */
  record ReadChapter(Chapter chapter, double order) {}

  private String title(FrontMatter fm, String path, String fallbackTitle) {
    if (fm.values().containsKey("title")) {
      String t = fm.string("title");
      if (t == null || t.isBlank()) {
        problems.error(
            path, 2, "front matter title is empty; give the chapter a title or remove the key");
        return null;
      }
      return t.strip();
    }
    String heading = firstHeading(fm.body());
    if (heading != null) {
      return heading;
    }
    if (fallbackTitle != null && !fallbackTitle.isBlank()) {
      return fallbackTitle;
    }
    String name = RepoPaths.fileName(path).replaceAll("(?i)\\.md$", "");
    return name.replaceAll("^\\d+[-_ .]*", "").replace('-', ' ').replace('_', ' ').strip().isEmpty()
        ? name
        : name.replaceAll("^\\d+[-_ .]*", "").replace('-', ' ').replace('_', ' ').strip();
  }

  static String firstHeading(String body) {
    String[] lines = MarkdownRefs.maskCode(body).split("\r?\n");
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

  private double order(FrontMatter fm, String path) {
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
