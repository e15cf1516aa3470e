package io.galley.e2e.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Checks the sample book in {@code guide/} the way an editor would before sending it to the
 * pipeline: metadata, front matter, headings, cross references, images, footnotes and the complete
 * Go programs. Every failure names the offending {@code file:line}.
 *
 * <p>Markdown is scanned with a deliberately small line-based reader that understands exactly what
 * the guide uses: YAML front matter of {@code key: value} lines, ATX headings, fenced code blocks
 * and inline links and images.
 */
class SampleGuideTest {

  /** Maven runs tests in the module directory, so the guide is a sibling of e2e-tests. */
  private static final Path GUIDE = Path.of("..", "guide");

  private static final Pattern FRONT_MATTER_ENTRY =
      Pattern.compile("^([A-Za-z][A-Za-z0-9_-]*):\\s*(.*)$");
  private static final Pattern FENCE_OPEN = Pattern.compile("^ {0,3}(`{3,}|~{3,})[ \\t]*(.*)$");
  private static final Pattern ATX_HEADING =
      Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
  private static final Pattern LINK =
      Pattern.compile("(!?)\\[([^\\]]*)\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
  private static final Pattern FOOTNOTE_DEFINITION = Pattern.compile("^\\[\\^([^\\]\\s]+)\\]:");
  private static final Pattern FOOTNOTE_REFERENCE = Pattern.compile("\\[\\^([^\\]\\s]+)\\](?!:)");
  private static final Pattern TITLE_ATTRIBUTE = Pattern.compile("\\btitle=\"([^\"]*)\"");
  private static final Pattern PACKAGE_CLAUSE =
      Pattern.compile("^package\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*(//.*)?$");
  private static final Pattern PACKAGE_MAIN = Pattern.compile("(?m)^package\\s+main\\b");
  private static final Pattern FUNC_MAIN =
      Pattern.compile("(?m)^func\\s+main\\s*\\(\\s*\\)\\s*\\{");
  private static final Pattern URN_UUID =
      Pattern.compile("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
  private static final Set<String> FRONT_MATTER_KEYS =
      Set.of("title", "order", "summary", "slug", "draft");
  private static final Pattern CHAPTER_FILE_NAME = Pattern.compile("^\\d{2}-[a-z0-9-]+\\.md$");

  private static JsonNode book;
  private static List<String> bookLines;
  private static final List<BookEntry> entries = new ArrayList<>();
  private static final Map<Path, Chapter> chaptersByFile = new LinkedHashMap<>();

  @BeforeAll
  static void readTheGuide() {
    Path bookFile = GUIDE.resolve("book.yml");
    assertThat(bookFile)
        .as("book.yml of the sample guide, looked up from %s", Path.of("").toAbsolutePath())
        .isRegularFile();
    String text = read(bookFile);
    bookLines = text.lines().toList();
    book = new YAMLMapper().readTree(text);

    JsonNode list = book.path("chapters");
    for (int i = 0; i < list.size(); i++) {
      String path = list.get(i).asString();
      entries.add(new BookEntry(path, lineInBook(path)));
      Path file = GUIDE.resolve(path).normalize();
      if (Files.isRegularFile(file)) {
        chaptersByFile.put(file, Chapter.parse(path, file));
      }
    }
  }

  // ----------------------------------------------------------------------------------------
  // book.yml
  // ----------------------------------------------------------------------------------------

  @Test
  void bookMetadataIsComplete() {
    List<String> problems = new ArrayList<>();
    requireText(problems, "title");
    requireText(problems, "subtitle");
    requireText(problems, "publisher");
    requireText(problems, "rights");
    if (!"go-guide".equals(book.path("id").asString(""))) {
      problems.add("book.yml: id must be go-guide but is '" + book.path("id").asString("") + "'");
    }
    if (!"en".equals(book.path("language").asString(""))) {
      problems.add("book.yml: language must be en");
    }
    if (!"A4".equals(book.path("pageSize").asString(""))) {
      problems.add("book.yml: pageSize must be A4");
    }
    JsonNode authors = book.path("authors");
    if (!authors.isArray() || authors.size() == 0) {
      problems.add("book.yml:" + lineOfKey("authors") + ": authors must be a non-empty list");
    }
    String identifier = book.path("identifier").asString("");
    if (!URN_UUID.matcher(identifier).matches()) {
      problems.add(
          "book.yml:"
              + lineOfKey("identifier")
              + ": identifier '"
              + identifier
              + "' is not a lower-case urn:uuid");
    }
    String cover = book.path("cover").asString("");
    if (cover.isBlank() || !Files.isRegularFile(GUIDE.resolve(cover))) {
      problems.add(
          "book.yml:" + lineOfKey("cover") + ": cover image '" + cover + "' does not exist");
    }
    if (entries.isEmpty()) {
      problems.add("book.yml: chapters must list at least one chapter");
    }
    assertThat(problems).as("book.yml metadata").isEmpty();
  }

  @Test
  void coverIsASelfContainedSvgWithoutScriptsOrExternalReferences() {
    Path cover = GUIDE.resolve(book.path("cover").asString("images/cover.svg"));
    assertThat(cover).isRegularFile();
    String svg = read(cover);
    List<String> problems = new ArrayList<>();
    if (!svg.contains("viewBox=\"0 0 1600 2400\"")) {
      problems.add(GUIDE.relativize(cover) + ": the cover must use a 1600x2400 viewBox");
    }
    List<String> lines = svg.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).toLowerCase(Locale.ROOT);
      if (line.contains("<script")
          || line.contains("href=")
          || line.contains("<image")
          || line.contains("url(http")
          || line.contains("@import")) {
        problems.add(
            GUIDE.relativize(cover)
                + ":"
                + (i + 1)
                + ": external reference or script: "
                + lines.get(i).strip());
      }
    }
    assertThat(problems).as("cover image").isEmpty();
  }

  @Test
  void everyChapterListedInTheBookExists() {
    List<String> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (BookEntry entry : entries) {
      Path file = GUIDE.resolve(entry.path()).normalize();
      if (!Files.isRegularFile(file)) {
        problems.add("book.yml:" + entry.line() + ": chapter " + entry.path() + " does not exist");
      }
      if (!seen.add(entry.path())) {
        problems.add("book.yml:" + entry.line() + ": chapter " + entry.path() + " is listed twice");
      }
      if (!CHAPTER_FILE_NAME.matcher(file.getFileName().toString()).matches()) {
        problems.add("book.yml:" + entry.line() + ": " + entry.path() + " is not named NN-slug.md");
      }
    }
    assertThat(problems).as("chapters listed in book.yml").isEmpty();
  }

  @Test
  void everyChapterFileIsListedInTheBook() throws IOException {
    Set<Path> listed = new HashSet<>();
    for (BookEntry entry : entries) {
      listed.add(GUIDE.resolve(entry.path()).normalize());
    }
    List<String> orphans;
    try (Stream<Path> files = Files.list(GUIDE.resolve("chapters"))) {
      orphans =
          files
              .map(Path::normalize)
              .filter(p -> p.toString().endsWith(".md"))
              .filter(p -> !listed.contains(p))
              .map(p -> GUIDE.relativize(p) + ":1: not listed in book.yml")
              .sorted()
              .toList();
    }
    assertThat(orphans).as("chapter files missing from book.yml").isEmpty();
  }

  // ----------------------------------------------------------------------------------------
  // Front matter and headings
  // ----------------------------------------------------------------------------------------

  @Test
  void everyChapterHasTitleSummaryAndOrderInFrontMatter() {
    List<String> problems = new ArrayList<>();
    YAMLMapper yaml = new YAMLMapper();
    int previousOrder = 0;
    Map<Integer, String> orders = new HashMap<>();
    for (Chapter chapter : chapters()) {
      if (!chapter.hasFrontMatter) {
        problems.add(chapter.at(1) + "no YAML front matter (the file must start with ---)");
        continue;
      }
      problems.addAll(chapter.frontMatterProblems);
      chapter.frontMatter.forEach(
          (key, entry) -> {
            if (!FRONT_MATTER_KEYS.contains(key)) {
              problems.add(
                  chapter.at(entry.line())
                      + "unknown front-matter key '"
                      + key
                      + "' (expected one of "
                      + new TreeSet<>(FRONT_MATTER_KEYS)
                      + ")");
            }
          });
      for (String key : List.of("title", "summary", "order")) {
        Entry entry = chapter.frontMatter.get(key);
        if (entry == null || entry.value().isBlank()) {
          problems.add(chapter.at(1) + "front matter has no " + key);
        }
      }
      Entry summary = chapter.frontMatter.get("summary");
      if (summary != null && !summary.value().isBlank() && !summary.value().endsWith(".")) {
        problems.add(
            chapter.at(summary.line()) + "summary should be one sentence ending with a full stop");
      }
      Entry order = chapter.frontMatter.get("order");
      if (order != null && !order.value().isBlank()) {
        try {
          int value = Integer.parseInt(order.value());
          if (value <= previousOrder) {
            problems.add(
                chapter.at(order.line())
                    + "order "
                    + value
                    + " does not follow the previous chapter's order "
                    + previousOrder);
          }
          String other = orders.putIfAbsent(value, chapter.path);
          if (other != null) {
            problems.add(chapter.at(order.line()) + "order " + value + " is also used by " + other);
          }
          previousOrder = value;
        } catch (NumberFormatException e) {
          problems.add(
              chapter.at(order.line()) + "order '" + order.value() + "' is not an integer");
        }
      }
      try {
        JsonNode parsed = yaml.readTree(chapter.frontMatterText());
        for (Map.Entry<String, Entry> e : chapter.frontMatter.entrySet()) {
          String fromYaml = parsed.path(e.getKey()).asString("");
          if (!fromYaml.equals(e.getValue().value())) {
            problems.add(
                chapter.at(e.getValue().line())
                    + "YAML reads "
                    + e.getKey()
                    + " as '"
                    + fromYaml
                    + "', not '"
                    + e.getValue().value()
                    + "'");
          }
        }
      } catch (JacksonException e) {
        problems.add(chapter.at(1) + "front matter is not valid YAML: " + e.getOriginalMessage());
      }
    }
    assertThat(problems).as("chapter front matter").isEmpty();
  }

  @Test
  void everyChapterStartsWithALevelOneHeadingEqualToItsTitle() {
    List<String> problems = new ArrayList<>();
    for (Chapter chapter : chapters()) {
      String title = chapter.value("title");
      int first = chapter.firstContentLine();
      if (first < 0) {
        problems.add(chapter.at(chapter.lines.size()) + "the chapter has no body");
        continue;
      }
      Heading heading = chapter.headings.isEmpty() ? null : chapter.headings.get(0);
      if (heading == null || heading.line() != first + 1 || heading.level() != 1) {
        problems.add(
            chapter.at(first + 1)
                + "the body must start with '# "
                + title
                + "' but starts with '"
                + chapter.lines.get(first).strip()
                + "'");
      } else if (!heading.text().equals(title)) {
        problems.add(
            chapter.at(heading.line())
                + "heading '"
                + heading.text()
                + "' differs from the front-matter title '"
                + title
                + "'");
      }
      for (Heading h :
          chapter.headings.subList(Math.min(1, chapter.headings.size()), chapter.headings.size())) {
        if (h.level() == 1) {
          problems.add(chapter.at(h.line()) + "second level-1 heading '" + h.text() + "'");
        }
      }
    }
    assertThat(problems).as("chapter headings").isEmpty();
  }

  @Test
  void theBookHasAtLeastTwentyPublishedChapters() {
    List<String> published =
        chapters().stream().filter(c -> !c.isDraft()).map(c -> c.path).toList();
    assertThat(published).as("published (non-draft) chapters").hasSizeGreaterThanOrEqualTo(20);
  }

  @Test
  void theDraftChapterIsFlaggedAndStillListedInTheBook() {
    List<String> problems = new ArrayList<>();
    for (Chapter chapter : chapters()) {
      Entry draft = chapter.frontMatter.get("draft");
      if (draft != null && !draft.value().equals("true") && !draft.value().equals("false")) {
        problems.add(
            chapter.at(draft.line()) + "draft must be true or false, not '" + draft.value() + "'");
      }
    }
    assertThat(problems).as("draft flags").isEmpty();
    assertThat(chapters().stream().filter(Chapter::isDraft).map(c -> c.path).toList())
        .as("chapters listed in book.yml with draft: true")
        .isNotEmpty();
  }

  // ----------------------------------------------------------------------------------------
  // Links, anchors, images and footnotes
  // ----------------------------------------------------------------------------------------

  @Test
  void everyLinkBetweenChaptersResolves() {
    List<String> problems = new ArrayList<>();
    for (Chapter chapter : chapters()) {
      for (Link link : chapter.links) {
        if (link.image() || link.isExternal() || link.pathPart().isEmpty()) {
          continue;
        }
        Path target = chapter.file.getParent().resolve(link.pathPart()).normalize();
        if (!link.pathPart().endsWith(".md")) {
          problems.add(
              chapter.at(link.line())
                  + "link to "
                  + link.target()
                  + " must point to a chapter's .md file");
        } else if (!Files.isRegularFile(target)) {
          problems.add(chapter.at(link.line()) + "link to " + link.target() + ": no such file");
        } else if (!chaptersByFile.containsKey(target)) {
          problems.add(
              chapter.at(link.line())
                  + "link to "
                  + link.target()
                  + ": the file is not a chapter listed in book.yml");
        }
      }
    }
    assertThat(problems).as("links between chapters").isEmpty();
  }

  @Test
  void everyAnchorResolvesToAHeadingInTheTargetChapter() {
    List<String> problems = new ArrayList<>();
    for (Chapter chapter : chapters()) {
      for (Link link : chapter.links) {
        if (link.image() || link.isExternal() || link.anchor() == null) {
          continue;
        }
        Chapter target =
            link.pathPart().isEmpty()
                ? chapter
                : chaptersByFile.get(chapter.file.getParent().resolve(link.pathPart()).normalize());
        if (target == null) {
          continue; // reported by everyLinkBetweenChaptersResolves
        }
        if (!target.slugs.contains(link.anchor())) {
          problems.add(
              chapter.at(link.line())
                  + "anchor #"
                  + link.anchor()
                  + " not found in "
                  + target.path
                  + " (headings: "
                  + target.slugs
                  + ")");
        }
      }
    }
    assertThat(problems).as("anchors in links").isEmpty();
  }

  @Test
  void publishedChaptersDoNotLinkToDraftChapters() {
    List<String> problems = new ArrayList<>();
    for (Chapter chapter : chapters()) {
      if (chapter.isDraft()) {
        continue;
      }
      for (Link link : chapter.links) {
        if (link.image() || link.isExternal() || link.pathPart().isEmpty()) {
          continue;
        }
        Chapter target =
            chaptersByFile.get(chapter.file.getParent().resolve(link.pathPart()).normalize());
        if (target != null && target.isDraft()) {
          problems.add(chapter.at(link.line()) + "links to the unpublished draft " + target.path);
        }
      }
    }
    assertThat(problems).as("links into draft chapters").isEmpty();
  }

  @Test
  void everyExternalLinkIsAnAbsoluteHttpsUrl() {
    List<String> problems = new ArrayList<>();
    for (Chapter chapter : chapters()) {
      for (Link link : chapter.links) {
        if (!link.isExternal()) {
          continue;
        }
        try {
          URI uri = new URI(link.target());
          if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
            problems.add(
                chapter.at(link.line()) + "external link " + link.target() + " is not https");
          }
        } catch (URISyntaxException e) {
          problems.add(chapter.at(link.line()) + "malformed URL " + link.target());
        }
      }
    }
    assertThat(problems).as("external links").isEmpty();
  }

  @Test
  void everyImageExistsAndHasAltText() {
    List<String> problems = new ArrayList<>();
    for (Chapter chapter : chapters()) {
      for (Link link : chapter.links) {
        if (!link.image()) {
          continue;
        }
        if (link.text().isBlank()) {
          problems.add(chapter.at(link.line()) + "image " + link.target() + " has no alt text");
        }
        if (link.isExternal()) {
          problems.add(
              chapter.at(link.line()) + "image " + link.target() + " must be a local file");
          continue;
        }
        Path image = chapter.file.getParent().resolve(link.pathPart()).normalize();
        if (!Files.isRegularFile(image)) {
          problems.add(chapter.at(link.line()) + "image " + link.target() + " does not exist");
        } else if (!image.startsWith(GUIDE.resolve("images").normalize())) {
          problems.add(
              chapter.at(link.line()) + "image " + link.target() + " is not in guide/images");
        }
      }
    }
    assertThat(problems).as("images").isEmpty();
  }

  @Test
  void everyFootnoteReferenceHasExactlyOneDefinition() {
    List<String> problems = new ArrayList<>();
    for (Chapter chapter : chapters()) {
      Map<String, Integer> definitions = new HashMap<>();
      Map<String, Integer> references = new LinkedHashMap<>();
      for (int i = chapter.bodyStart; i < chapter.lines.size(); i++) {
        if (chapter.inCode[i]) {
          continue;
        }
        String line = stripCodeSpans(chapter.lines.get(i));
        Matcher def = FOOTNOTE_DEFINITION.matcher(line);
        if (def.find() && definitions.put(def.group(1), i + 1) != null) {
          problems.add(chapter.at(i + 1) + "footnote [^" + def.group(1) + "] is defined twice");
        }
        Matcher ref = FOOTNOTE_REFERENCE.matcher(line);
        while (ref.find()) {
          references.putIfAbsent(ref.group(1), i + 1);
        }
      }
      references.forEach(
          (label, line) -> {
            if (!definitions.containsKey(label)) {
              problems.add(chapter.at(line) + "footnote [^" + label + "] has no definition");
            }
          });
      definitions.forEach(
          (label, line) -> {
            if (!references.containsKey(label)) {
              problems.add(chapter.at(line) + "footnote [^" + label + "] is never referenced");
            }
          });
    }
    assertThat(problems).as("footnotes").isEmpty();
  }

  // ----------------------------------------------------------------------------------------
  // Code
  // ----------------------------------------------------------------------------------------

  @Test
  void everyCodeFenceIsClosedAndNamesALanguage() {
    List<String> problems = new ArrayList<>();
    for (Chapter chapter : chapters()) {
      for (CodeBlock block : chapter.codeBlocks) {
        if (!block.closed()) {
          problems.add(chapter.at(block.line()) + "code fence is never closed");
        }
        if (block.language().isEmpty()) {
          problems.add(chapter.at(block.line()) + "code fence has no language");
        }
      }
    }
    assertThat(problems).as("code fences").isEmpty();
  }

  @Test
  void everyCompleteGoProgramIsWellFormed() {
    List<String> problems = new ArrayList<>();
    int programs = 0;
    for (Chapter chapter : chapters()) {
      for (CodeBlock block : chapter.codeBlocks) {
        if (!block.language().equals("go")) {
          continue;
        }
        String code = String.join("\n", block.lines());
        boolean packageMain = PACKAGE_MAIN.matcher(code).find();
        String title = block.title();
        if (title == null) {
          if (packageMain) {
            problems.add(
                chapter.at(block.line())
                    + "a complete Go program needs a title, e.g. ```go title=\"main.go\"");
          }
          continue;
        }
        programs++;
        if (!title.endsWith(".go")) {
          problems.add(chapter.at(block.line()) + "title '" + title + "' is not a .go file name");
        }
        if (!packageMain) {
          problems.add(chapter.at(block.line()) + "listing " + title + " has no 'package main'");
        }
        problems.addAll(packageClauseProblems(chapter, block));
        if (packageMain && !FUNC_MAIN.matcher(code).find()) {
          problems.add(
              chapter.at(block.line()) + "package main in " + title + " declares no func main()");
        }
        problems.addAll(delimiterProblems(chapter, block));
      }
    }
    assertThat(problems).as("complete Go programs").isEmpty();
    assertThat(programs).as("complete Go programs in the guide").isPositive();
  }

  /** The first line that is not blank and not a comment must be the package clause. */
  private static List<String> packageClauseProblems(Chapter chapter, CodeBlock block) {
    boolean inBlockComment = false;
    for (int i = 0; i < block.lines().size(); i++) {
      String line = block.lines().get(i).strip();
      if (inBlockComment) {
        int end = line.indexOf("*/");
        if (end < 0) {
          continue;
        }
        inBlockComment = false;
        line = line.substring(end + 2).strip();
      }
      if (line.isEmpty() || line.startsWith("//")) {
        continue;
      }
      if (line.startsWith("/*")) {
        inBlockComment = !line.contains("*/");
        continue;
      }
      if (PACKAGE_CLAUSE.matcher(line).matches()) {
        return List.of();
      }
      return List.of(
          chapter.at(block.line() + 1 + i) + "expected a package clause but found '" + line + "'");
    }
    return List.of(chapter.at(block.line()) + "listing has no package clause");
  }

  /**
   * Checks that (), [] and {} balance, ignoring everything inside interpreted strings, raw strings,
   * rune literals and comments. Also reports strings, runes and block comments that are never
   * closed.
   */
  private static List<String> delimiterProblems(Chapter chapter, CodeBlock block) {
    List<String> problems = new ArrayList<>();
    Deque<int[]> open = new ArrayDeque<>(); // {char, line}
    String code = String.join("\n", block.lines()) + "\n";
    int line = block.line() + 1; // the first code line follows the fence
    int literalStart = 0;
    int i = 0;
    while (i < code.length()) {
      char c = code.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (c == '/' && i + 1 < code.length() && code.charAt(i + 1) == '/') {
        i = code.indexOf('\n', i);
      } else if (c == '/' && i + 1 < code.length() && code.charAt(i + 1) == '*') {
        int end = code.indexOf("*/", i + 2);
        if (end < 0) {
          problems.add(chapter.at(line) + "block comment is never closed");
          break;
        }
        line += count(code, '\n', i, end);
        i = end + 2;
      } else if (c == '`') {
        int end = code.indexOf('`', i + 1);
        if (end < 0) {
          problems.add(chapter.at(line) + "raw string is never closed");
          break;
        }
        line += count(code, '\n', i, end);
        i = end + 1;
      } else if (c == '"' || c == '\'') {
        literalStart = line;
        int j = i + 1;
        while (j < code.length() && code.charAt(j) != c && code.charAt(j) != '\n') {
          j += code.charAt(j) == '\\' ? 2 : 1;
        }
        if (j >= code.length() || code.charAt(j) != c) {
          problems.add(
              chapter.at(literalStart)
                  + (c == '"' ? "string" : "rune")
                  + " literal is not closed on its line");
          i = Math.min(j, code.length());
        } else {
          i = j + 1;
        }
      } else if (c == '(' || c == '[' || c == '{') {
        open.push(new int[] {c, line});
        i++;
      } else if (c == ')' || c == ']' || c == '}') {
        char expected = c == ')' ? '(' : c == ']' ? '[' : '{';
        if (open.isEmpty()) {
          problems.add(chapter.at(line) + "'" + c + "' has no matching '" + expected + "'");
        } else if (open.peek()[0] != expected) {
          int[] top = open.pop();
          problems.add(
              chapter.at(line)
                  + "'"
                  + c
                  + "' closes '"
                  + (char) top[0]
                  + "' opened at line "
                  + top[1]);
        } else {
          open.pop();
        }
        i++;
      } else {
        i++;
      }
    }
    for (int[] unclosed : open) {
      problems.add(chapter.at(unclosed[1]) + "'" + (char) unclosed[0] + "' is never closed");
    }
    return problems;
  }

  // ----------------------------------------------------------------------------------------
  // Helpers
  // ----------------------------------------------------------------------------------------

  private static List<Chapter> chapters() {
    return List.copyOf(chaptersByFile.values());
  }

  private static void requireText(List<String> problems, String key) {
    if (book.path(key).asString("").isBlank()) {
      problems.add("book.yml:" + lineOfKey(key) + ": " + key + " is missing or empty");
    }
  }

  private static int lineOfKey(String key) {
    for (int i = 0; i < bookLines.size(); i++) {
      if (bookLines.get(i).startsWith(key + ":")) {
        return i + 1;
      }
    }
    return 1;
  }

  private static int lineInBook(String chapterPath) {
    for (int i = 0; i < bookLines.size(); i++) {
      if (bookLines.get(i).contains(chapterPath)) {
        return i + 1;
      }
    }
    return 1;
  }

  private static int count(String s, char c, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  /** Replaces inline code spans with spaces so that their content is never read as Markdown. */
  static String stripCodeSpans(String line) {
    Matcher m = CODE_SPAN.matcher(line);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, " ".repeat(m.group().length()));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * GitHub-style heading anchor: lower-case, punctuation dropped (letters, digits, spaces, hyphens
   * and underscores kept), each space turned into a hyphen.
   */
  static String slug(String headingText) {
    String text =
        headingText
            .replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1") // links and images keep their text
            .replaceAll("<[^>]+>", ""); // inline HTML
    String lower = text.strip().toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder();
    lower
        .codePoints()
        .forEach(
            cp -> {
              if (cp == ' ') {
                out.append('-');
              } else if (Character.isLetterOrDigit(cp)
                  || cp == '-'
                  || cp == '_'
                  || Character.getType(cp) == Character.NON_SPACING_MARK) {
                out.appendCodePoint(cp);
              }
            });
    return out.toString();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record BookEntry(String path, int line) {}

  private record Entry(String value, int line) {}

  private record Heading(int level, String text, int line) {}

  private record Link(boolean image, String text, String target, int line) {

    boolean isExternal() {
      return target.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*");
    }

    String pathPart() {
      int hash = target.indexOf('#');
      return hash < 0 ? target : target.substring(0, hash);
    }

    String anchor() {
      int hash = target.indexOf('#');
      return hash < 0 ? null : target.substring(hash + 1);
    }
  }

  private record CodeBlock(int line, String info, List<String> lines, boolean closed) {

    String language() {
      String trimmed = info.strip();
      int space = trimmed.indexOf(' ');
      return space < 0 ? trimmed : trimmed.substring(0, space);
    }

    String title() {
      Matcher m = TITLE_ATTRIBUTE.matcher(info);
      return m.find() ? m.group(1) : null;
    }
  }

  /** One chapter file, read once: front matter, headings, code blocks and links. */
  private static final class Chapter {
    final String path;
    final Path file;
    final List<String> lines;
    final Map<String, Entry> frontMatter = new LinkedHashMap<>();
    final List<String> frontMatterProblems = new ArrayList<>();
    final List<Heading> headings = new ArrayList<>();
    final List<CodeBlock> codeBlocks = new ArrayList<>();
    final List<Link> links = new ArrayList<>();
    final Set<String> slugs = new LinkedHashSet<>();
    final boolean[] inCode;
    boolean hasFrontMatter;
    int frontMatterEnd; // index of the closing ---
    int bodyStart;

    private Chapter(String path, Path file, List<String> lines) {
      this.path = path;
      this.file = file;
      this.lines = lines;
      this.inCode = new boolean[lines.size()];
    }

    static Chapter parse(String path, Path file) {
      Chapter chapter = new Chapter(path, file, read(file).lines().toList());
      chapter.readFrontMatter();
      chapter.readBody();
      return chapter;
    }

    String at(int line) {
      return path + ":" + line + ": ";
    }

    String value(String key) {
      Entry entry = frontMatter.get(key);
      return entry == null ? "" : entry.value();
    }

    boolean isDraft() {
      return "true".equals(value("draft"));
    }

    String frontMatterText() {
      return String.join("\n", lines.subList(1, frontMatterEnd)) + "\n";
    }

    int firstContentLine() {
      for (int i = bodyStart; i < lines.size(); i++) {
        if (!lines.get(i).isBlank()) {
          return i;
        }
      }
      return -1;
    }

    private void readFrontMatter() {
      if (lines.isEmpty() || !lines.get(0).equals("---")) {
        return;
      }
      int end = lines.subList(1, lines.size()).indexOf("---");
      if (end < 0) {
        frontMatterProblems.add(at(1) + "front matter is never closed with ---");
        return;
      }
      hasFrontMatter = true;
      frontMatterEnd = end + 1;
      bodyStart = frontMatterEnd + 1;
      for (int i = 1; i < frontMatterEnd; i++) {
        String line = lines.get(i);
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        Matcher m = FRONT_MATTER_ENTRY.matcher(line);
        if (!m.matches()) {
          frontMatterProblems.add(at(i + 1) + "expected 'key: value' in front matter: " + line);
          continue;
        }
        String value = m.group(2).strip();
        if (value.length() >= 2
            && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
          value = value.substring(1, value.length() - 1);
        }
        if (frontMatter.put(m.group(1), new Entry(value, i + 1)) != null) {
          frontMatterProblems.add(at(i + 1) + "front-matter key " + m.group(1) + " appears twice");
        }
      }
    }

    private void readBody() {
      String fence = null;
      int fenceLine = 0;
      String info = "";
      List<String> code = null;
      Map<String, Integer> slugCounts = new HashMap<>();
      for (int i = bodyStart; i < lines.size(); i++) {
        String line = lines.get(i);
        if (fence != null) {
          inCode[i] = true;
          String stripped = line.strip();
          char fenceChar = fence.charAt(0);
          if (stripped.length() >= fence.length()
              && stripped.chars().allMatch(ch -> ch == fenceChar)
              && line.indexOf(stripped.charAt(0)) <= 3) {
            codeBlocks.add(new CodeBlock(fenceLine, info, code, true));
            fence = null;
          } else {
            code.add(line);
          }
          continue;
        }
        Matcher open = FENCE_OPEN.matcher(line);
        if (open.matches() && !(open.group(1).charAt(0) == '`' && open.group(2).contains("`"))) {
          inCode[i] = true;
          fence = open.group(1);
          fenceLine = i + 1;
          info = open.group(2).strip();
          code = new ArrayList<>();
          continue;
        }
        Matcher heading = ATX_HEADING.matcher(line);
        if (heading.matches()) {
          String text = heading.group(2) == null ? "" : heading.group(2).strip();
          headings.add(new Heading(heading.group(1).length(), text, i + 1));
          String base = slug(text);
          int n = slugCounts.merge(base, 1, Integer::sum);
          slugs.add(n == 1 ? base : base + "-" + (n - 1));
        }
        Matcher link = LINK.matcher(stripCodeSpans(line));
        while (link.find()) {
          links.add(new Link(!link.group(1).isEmpty(), link.group(2), link.group(3), i + 1));
        }
      }
      if (fence != null) {
        codeBlocks.add(new CodeBlock(fenceLine, info, code, false));
      }
    }
  }
}
