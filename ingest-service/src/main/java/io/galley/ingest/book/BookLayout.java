package io.galley.ingest.book;

import io.galley.events.BookMetadata;
import io.galley.events.PrintSettings;
import io.galley.events.Problem;
import io.galley.ingest.validation.Problems;
import io.galley.ingest.validation.TextChecks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/**
 * Where a book's chapters are and in which order: from book.yml, book.toml + SUMMARY.md,
 * SUMMARY.md, or every Markdown file of the folder.
 *
 * @param yaml the parsed book.yml, or null
 * @param toml the parsed book.toml, or null
 * @param contentFolder the folder docIds are relative to
 * @param summaryTitle SUMMARY.md's first heading, or null
 * @param chapters the chapter files, in listed order
 * @param ordered whether the order is given (else front matter order and file name decide)
 * @param describingFile the file problems about the whole book point at
 */
record BookLayout(
    BookYaml yaml,
    BookToml toml,
    String contentFolder,
    String summaryTitle,
    List<Listed> chapters,
    boolean ordered,
    String describingFile) {

  /**
   * A chapter file named by the layout; {@code source}:{@code line} is where it was listed, {@code
   * part} and {@code depth} its place in SUMMARY.md, {@code numbered} false for a prefix or suffix
   * chapter (a link outside any list, which mdBook leaves unnumbered).
   */
  record Listed(
      String path,
      String title,
      String source,
      int line,
      String part,
      int depth,
      boolean numbered) {

    Listed(String path, String title, String source, int line) {
      this(path, title, source, line, null, 0, true);
    }
  }

  /** A book.yml as read at some commit: the parsed file (null when unusable) and its problems. */
  record ReadYaml(BookYaml yaml, List<Problem> problems) {}

  /** Reads the layout; {@code yamls} keeps book.yml files read before, by path and blob id. */
  static BookLayout read(
      BookFiles files,
      String folder,
      long maxBytes,
      ParseCache<String, ReadYaml> yamls,
      Problems problems) {
    String ymlPath = RepoPaths.join(folder, "book.yml");
    String tomlPath = RepoPaths.join(folder, "book.toml");
    BookYaml yaml = null;
    BookToml toml = null;
    String content = folder;
    String describing = ymlPath;
    if (files.exists(ymlPath)) {
      Optional<String> blob = files.blobId(ymlPath);
      ReadYaml read =
          blob.isEmpty()
              ? readYaml(files, ymlPath, maxBytes)
              : yamls.get(ymlPath + "\n" + blob.get(), () -> readYaml(files, ymlPath, maxBytes));
      read.problems().forEach(problems::add);
      yaml = read.yaml();
    } else if (files.exists(tomlPath)) {
      Optional<String> tomlText = text(files, tomlPath, maxBytes, problems);
      toml = tomlText.map(t -> BookToml.parse(t, tomlPath, problems)).orElse(null);
      String src = toml == null ? folder : RepoPaths.resolve(folder, toml.src()).orElse(null);
      if (src == null || !src.equals(folder) && !RepoPaths.isInside(folder, src)) {
        // found by fuzzing: src = "../" made every Markdown file of the repository a chapter
        problems.error(
            tomlPath,
            tomlText.map(t -> KeyLines.of(KeyLines.toml(t, "book"), "src", 0)).orElse(0),
            "book.toml's src "
                + toml.src()
                + " leads outside the book folder; name a folder inside it, such as src");
        src = folder;
      }
      content = src;
      describing = tomlPath;
    } else if (!files.exists(RepoPaths.join(folder, "SUMMARY.md"))
        && files.exists(RepoPaths.join(folder, "src/SUMMARY.md"))) {
      content = RepoPaths.join(folder, "src");
    }
    if (yaml != null && !yaml.chapters().isEmpty()) {
      List<Listed> listed = new ArrayList<>();
      for (String c : yaml.chapters()) {
        resolveListed(files, folder, folder, c, ymlPath, 0, problems)
            .ifPresent(p -> listed.add(new Listed(p, null, ymlPath, 0)));
      }
      return new BookLayout(yaml, toml, content, null, listed, true, describing);
    }
    String summaryPath = RepoPaths.join(content, "SUMMARY.md");
    if (files.exists(summaryPath)) {
      Summary summary =
          text(files, summaryPath, maxBytes, problems)
              .map(Summary::parse)
              .orElse(new Summary(null, List.of()));
      List<Listed> listed = new ArrayList<>();
      for (Summary.Entry e : summary.entries()) {
        resolveListed(files, folder, content, e.link(), summaryPath, e.line(), problems)
            .ifPresent(
                p ->
                    listed.add(
                        new Listed(
                            p,
                            e.title(),
                            summaryPath,
                            e.line(),
                            e.part(),
                            e.depth(),
                            e.numbered())));
      }
      return new BookLayout(
          yaml,
          toml,
          content,
          summary.title(),
          listed,
          true,
          toml == null && yaml == null ? summaryPath : describing);
    }
    List<Listed> all = new ArrayList<>();
    for (String p : files.paths()) {
      String name = RepoPaths.fileName(p).toLowerCase(Locale.ROOT);
      if (RepoPaths.isInside(content, p)
          && name.endsWith(".md")
          && !name.equals("summary.md")
          && !name.equals("readme.md")) {
        all.add(new Listed(p, null, p, 0));
      }
    }
    return new BookLayout(
        yaml,
        toml,
        content,
        null,
        all,
        false,
        yaml == null && toml == null ? (folder.isEmpty() ? "." : folder) : describing);
  }

  private static Optional<String> resolveListed(
      BookFiles files,
      String folder,
      String base,
      String link,
      String source,
      int line,
      Problems problems) {
    Optional<String> path = RepoPaths.resolve(base, link);
    if (path.isEmpty() || !RepoPaths.isInside(folder, path.get())) {
      problems.error(source, line, "chapter " + link + " leads outside the book folder");
      return Optional.empty();
    }
    if (!files.exists(path.get())) {
      problems.error(
          source,
          line,
          RepoPaths.fileName(source)
              + " lists "
              + link
              + ", which does not exist (looked for "
              + path.get()
              + ")");
      return Optional.empty();
    }
    return path;
  }

  private static ReadYaml readYaml(BookFiles files, String path, long maxBytes) {
    Problems problems = new Problems();
    return new ReadYaml(parseYaml(files, path, maxBytes, problems), problems.recorded());
  }

  private static BookYaml parseYaml(
      BookFiles files, String path, long maxBytes, Problems problems) {
    Optional<String> text = text(files, path, maxBytes, problems);
    if (text.isEmpty()) {
      return null;
    }
    try {
      Object value = FrontMatterParser.YAML.readValue(text.get(), Object.class);
      if (!(value instanceof Map<?, ?> map)) {
        problems.error(
            path, 1, "book.yml must be key: value lines, such as title: My Book on the first line");
        return null;
      }
      Map<String, Object> keys = new HashMap<>();
      map.forEach((k, v) -> keys.put(String.valueOf(k), v));
      Values v = new Values(keys, KeyLines.yaml(text.get(), 1), path, "book.yml", problems);
      String title = v.text("title", true);
      if (title == null) {
        if (!v.has("title")) {
          problems.error(path, 0, "book.yml has no title; add a line such as title: My Book");
        }
        return null;
      }
      return new BookYaml(
          v.safeName("id", v.text("id", false)),
          title,
          v.text("subtitle", false),
          v.texts("authors"),
          v.text("language", false),
          v.text("publisher", false),
          v.text("rights", false),
          v.text("identifier", false),
          v.text("cover", false),
          v.texts("chapters"),
          v.text("pageSize", false),
          v.flag("strictLinks"),
          new PrintSettings(
              flag(v, "justify", PrintSettings.DEFAULTS.justify()),
              flag(v, "hyphenate", PrintSettings.DEFAULTS.hyphenate()),
              flag(v, "pageReferences", PrintSettings.DEFAULTS.pageReferences())),
          v.flag("numbering"),
          v.number("contentsDepth", 1, BookMetadata.MAX_CONTENTS_DEPTH, 0));
    } catch (JacksonException e) {
      int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
      String msg =
          e.getOriginalMessage() == null
              ? "unreadable YAML"
              : e.getOriginalMessage().lines().findFirst().orElse("");
      problems.error(path, line, "malformed book.yml: " + msg.strip());
      return null;
    }
  }

  private static boolean flag(Values v, String key, boolean absent) {
    return v.has(key) ? v.flag(key) : absent;
  }

  static Optional<String> text(BookFiles files, String path, long maxBytes, Problems problems) {
    if (!TextChecks.withinLimit(files.size(path), maxBytes, path, "file", problems)) {
      return Optional.empty();
    }
    return TextChecks.decodeUtf8(files.read(path).orElse(new byte[0]), path, problems);
  }
}
