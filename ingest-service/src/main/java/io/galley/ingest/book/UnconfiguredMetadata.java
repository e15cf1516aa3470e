package io.galley.ingest.book;

import io.galley.events.BookMetadata;
import io.galley.ingest.validation.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metadata of a book without {@code book.yml}: title, authors and language from {@code
 * book.toml}, else GitBook's {@code book.json}, else the title of the README (where {@code
 * .gitbook.yaml} says it is) or of the first chapter. Never the heading of the table of contents. A
 * guessed title is a warning that says where it came from and how to choose another.
 */
final class UnconfiguredMetadata {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final BookFiles files;
  private final BookLayout layout;
  private final String folder;
  private final long maxBytes;
  private final Problems problems;

  UnconfiguredMetadata(
      BookFiles files, BookLayout layout, String folder, long maxBytes, Problems problems) {
    this.files = files;
    this.layout = layout;
    this.folder = folder;
    this.maxBytes = maxBytes;
    this.problems = problems;
  }

  /** The metadata; {@code chapters} in reading order, the first one the introduction. */
  BookMetadata read(String defaultId, List<Chapter> chapters) {
    BookToml toml = layout.toml();
    String title = toml == null ? null : blankToNull(toml.title());
    List<String> authors = toml == null ? List.of() : toml.authors();
    String language = toml == null ? null : toml.language();
    Map<?, ?> json = bookJson();
    if (json != null) {
      title = title != null ? title : blankToNull(text(json.get("title")));
      authors = !authors.isEmpty() ? authors : authors(json);
      language = language != null ? language : blankToNull(text(json.get("language")));
    }
    if (title == null) {
      title = guessTitle(defaultId, chapters);
    }
    return new BookMetadata(
        defaultId,
        title,
        null,
        authors,
        language,
        null,
        null,
        "urn:galley:" + defaultId,
        null,
        null);
  }

  private String guessTitle(String defaultId, List<Chapter> chapters) {
    for (String readme : readmes()) {
      Optional<String> text =
          files.exists(readme)
              ? BookLayout.text(files, readme, maxBytes, problems)
              : Optional.empty();
      FirstHeading heading = text.map(FirstHeading::of).orElse(null);
      if (heading != null) {
        guessed(readme, heading.line(), heading.text(), "its first heading");
        return heading.text();
      }
    }
    if (!chapters.isEmpty()) {
      Chapter intro = chapters.get(0);
      guessed(intro.path(), 0, intro.title(), "the title of the first chapter");
      return intro.title();
    }
    return defaultId;
  }

  private void guessed(String path, int line, String title, String what) {
    problems.warning(
        path,
        line,
        "the book's title \""
            + title
            + "\" is "
            + what
            + ", as no book.yml, book.toml or book.json names it; to choose it, write title: "
            + title
            + " in book.yml");
  }

  /** Where the README may be: as .gitbook.yaml says, then beside the chapters, then the folder. */
  private List<String> readmes() {
    List<String> out = new ArrayList<>();
    Map<?, ?> gitbook = yaml(RepoPaths.join(folder, ".gitbook.yaml"));
    if (gitbook != null) {
      String root = text(gitbook.get("root"));
      Object structure = gitbook.get("structure");
      String readme =
          structure instanceof Map<?, ?> s && text(s.get("readme")) != null
              ? text(s.get("readme"))
              : "README.md";
      Optional<String> base = RepoPaths.resolve(folder, root == null ? "." : root);
      base.flatMap(b -> RepoPaths.resolve(b, readme))
          .filter(p -> RepoPaths.isInside(folder, p))
          .ifPresent(out::add);
    }
    for (String dir : List.of(layout.contentFolder(), folder)) {
      for (String name : List.of("README.md", "readme.md", "Readme.md")) {
        out.add(RepoPaths.join(dir, name));
      }
    }
    return out.stream().distinct().toList();
  }

  /** GitBook's legacy book.json; a file that is not a JSON object is a warning, not used. */
  private Map<?, ?> bookJson() {
    String path = RepoPaths.join(folder, "book.json");
    if (!files.exists(path)) {
      return null;
    }
    Optional<String> text = BookLayout.text(files, path, maxBytes, problems);
    try {
      Object value = text.isEmpty() ? null : JSON.readValue(text.get(), Object.class);
      if (value instanceof Map<?, ?> map) {
        return map;
      }
    } catch (JacksonException e) {
      // reported below
    }
    if (text.isPresent()) {
      problems.warning(
          path, 1, "book.json is not a JSON object; its title and authors are not used");
    }
    return null;
  }

  private Map<?, ?> yaml(String path) {
    if (!files.exists(path)) {
      return null;
    }
    try {
      Optional<String> text = BookLayout.text(files, path, maxBytes, problems);
      Object value =
          text.isEmpty() ? null : FrontMatterParser.YAML.readValue(text.get(), Object.class);
      return value instanceof Map<?, ?> map ? map : null;
    } catch (JacksonException e) {
      problems.warning(path, 1, ".gitbook.yaml is not valid YAML; it is not used");
      return null;
    }
  }

  private static List<String> authors(Map<?, ?> json) {
    Object many = json.get("authors");
    if (many instanceof List<?> list) {
      return list.stream().map(UnconfiguredMetadata::text).filter(a -> a != null).toList();
    }
    String one = blankToNull(text(json.get("author")));
    return one == null ? List.of() : List.of(one);
  }

  private static String text(Object value) {
    return value instanceof String || value instanceof Number ? value.toString().strip() : null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
