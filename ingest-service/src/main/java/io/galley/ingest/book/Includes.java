package io.galley.ingest.book;

import io.galley.ingest.validation.Problems;
import io.galley.ingest.validation.TextChecks;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves mdBook's {@code {{#include path}}} (with line ranges and anchors, see {@link
 * IncludeSelection}) and {@code {{#title Text}}} in a chapter's body, as mdBook does: everywhere,
 * code blocks included, paths relative to the including file, {@code \{{#...}}} kept literally. The
 * included files must lie inside the book folder (symbolic links followed, each hop checked); a
 * missing file or anchor, a cycle, nesting deeper than {@value #MAX_DEPTH}, more than {@value
 * #MAX_INCLUDES} includes or a body grown past the chapter size limit is an error at the
 * directive's {@code file:line}, and the directive stays as written. Not thread-safe: one per
 * chapter parse.
 */
final class Includes {

  /** How deep includes may nest; mdBook's own limit. */
  static final int MAX_DEPTH = 10;

  /** How many includes one chapter may resolve, nested ones counted. */
  static final int MAX_INCLUDES = 1000;

  private static final Pattern DIRECTIVE =
      Pattern.compile("\\\\\\{\\{#[^}]*}}|\\{\\{\\s*#(include|title)\\s+([^}]*?)\\s*}}");

  /**
   * A body with its includes resolved.
   *
   * @param text the body, unchanged when it has no directive
   * @param title the first {@code {{#title}}} of the chapter itself, or null
   * @param sources every file an include read or looked for: path to blob id, "" when absent
   */
  record Expanded(String text, String title, Map<String, String> sources) {
    Expanded {
      sources = Map.copyOf(sources);
    }
  }

  private final BookFiles files;
  private final String folder;
  private final long maxBytes;
  private final Problems problems;
  private final Map<String, String> sources = new LinkedHashMap<>();
  private final Deque<String> stack = new ArrayDeque<>();
  private int includes;
  private long bytes;
  private String title;

  private Includes(BookFiles files, String folder, long maxBytes, Problems problems) {
    this.files = files;
    this.folder = folder;
    this.maxBytes = maxBytes;
    this.problems = problems;
  }

  /**
   * Expands the body of {@code path} in book {@code folder}, whose first line is line {@code
   * firstLine + 1} of the file; the result may grow to {@code maxBytes} characters.
   */
  static Expanded expand(
      BookFiles files,
      String folder,
      String path,
      String body,
      int firstLine,
      long maxBytes,
      Problems problems) {
    if (!body.contains("{{")) {
      return new Expanded(body, null, Map.of());
    }
    Includes includes = new Includes(files, folder, maxBytes, problems);
    includes.stack.push(path);
    List<IncludeSelection.Line> lines = new ArrayList<>();
    String[] split = body.split("\n", -1);
    for (int i = 0; i < split.length; i++) {
      lines.add(new IncludeSelection.Line(firstLine + i + 1, split[i]));
    }
    String text = includes.expandLines(lines, path, 0);
    return new Expanded(text, includes.title, includes.sources);
  }

  private String expandLines(List<IncludeSelection.Line> lines, String file, int depth) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      IncludeSelection.Line line = lines.get(i);
      out.append(line.text().contains("{{") ? expandLine(line, file, depth) : line.text());
      if (i < lines.size() - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  private String expandLine(IncludeSelection.Line line, String file, int depth) {
    Matcher m = DIRECTIVE.matcher(line.text());
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement;
      if (m.group(1) == null) {
        replacement = m.group().substring(1);
      } else if (m.group(1).equals("title")) {
        if (depth == 0 && title == null && !m.group(2).isBlank()) {
          title = m.group(2).strip();
        }
        replacement = "";
      } else {
        replacement = include(m.group(2), file, line.number(), depth).orElse(m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private Optional<String> include(String written, String file, int line, int depth) {
    int colon = written.indexOf(':');
    String target = (colon < 0 ? written : written.substring(0, colon)).strip();
    Optional<IncludeSelection> selection =
        colon < 0
            ? Optional.of(IncludeSelection.ALL)
            : IncludeSelection.parse(written.substring(colon + 1));
    if (selection.isEmpty()) {
      return fail(
          file,
          line,
          "include " + written + " has a selection that is neither lines nor an anchor");
    }
    if (depth >= MAX_DEPTH) {
      return fail(file, line, "includes nest more than " + MAX_DEPTH + " deep at " + target);
    }
    if (++includes > MAX_INCLUDES) {
      return fail(file, line, "the chapter has more than " + MAX_INCLUDES + " includes");
    }
    Optional<String> real = realPath(target, file, line);
    if (real.isEmpty()) {
      return Optional.empty();
    }
    if (stack.contains(real.get())) {
      List<String> cycle = new ArrayList<>(stack);
      Collections.reverse(cycle);
      cycle.add(real.get());
      return fail(file, line, "include cycle: " + String.join(" -> ", cycle));
    }
    if (files.size(real.get()) > maxBytes) {
      return fail(file, line, "included file " + target + " is larger than a chapter may be");
    }
    byte[] content = files.read(real.get()).orElse(new byte[0]);
    Optional<String> text = TextChecks.decodeUtf8(content, real.get(), problems);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<List<IncludeSelection.Line>> lines = selection.get().select(text.get());
    if (lines.isEmpty()) {
      return fail(file, line, "no ANCHOR: " + selection.get().anchor() + " in " + target);
    }
    stack.push(real.get());
    String expanded = expandLines(lines.get(), real.get(), depth + 1);
    stack.pop();
    bytes += expanded.length();
    if (bytes > maxBytes) {
      return fail(
          file, line, "included text passes the chapter size limit of " + maxBytes + " bytes");
    }
    return Optional.of(expanded);
  }

  /** The file an include names, symbolic links followed; empty after recording why not. */
  private Optional<String> realPath(String target, String file, int line) {
    Optional<String> current = RepoPaths.resolve(RepoPaths.parent(file), target);
    for (int hops = 0; hops < 8; hops++) {
      if (current.isEmpty() || !RepoPaths.isInside(folder, current.get())) {
        return fail(file, line, "include of " + target + " leads outside the book folder");
      }
      String path = current.get();
      if (!files.exists(path)) {
        sources.put(path, "");
        return fail(file, line, "include of missing file " + target);
      }
      sources.put(path, files.blobId(path).orElse("\u0000unknown"));
      if (!files.isSymlink(path)) {
        return current;
      }
      String link = new String(files.read(path).orElse(new byte[0]), StandardCharsets.UTF_8);
      current = RepoPaths.resolve(RepoPaths.parent(path), link.strip());
    }
    return fail(file, line, "include of " + target + " follows too many symbolic links");
  }

  private <T> Optional<T> fail(String file, int line, String message) {
    problems.error(file, line, message);
    return Optional.empty();
  }
}
