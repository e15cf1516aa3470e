package io.galley.ingest.book;

import io.galley.ingest.validation.Problems;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Splits YAML front matter ({@code ---} ... {@code ---}) from a chapter and parses it under limits:
 * 64 KB, nesting depth 20, few aliases, so a hostile file cannot exhaust memory. Thread-safe.
 */
public final class FrontMatterParser {

  /** Largest front matter accepted, in characters. */
  public static final int MAX_CHARS = 64 * 1024;

  static final YAMLMapper YAML =
      YAMLMapper.builder(
              YAMLFactory.builder()
                  .loadSettings(
                      LoadSettings.builder()
                          .setMaxAliasesForCollections(20)
                          .setCodePointLimit(4 * MAX_CHARS)
                          .setAllowDuplicateKeys(false)
                          .build())
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(20)
                          .maxDocumentLength(4L * MAX_CHARS)
                          .build())
                  .build())
          .build();

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  /** Tags that only name a plain type, in long and short form. */
  private static final Set<String> PLAIN_TAGS =
      Set.of(
          "str",
          "int",
          "float",
          "bool",
          "null",
          "seq",
          "map",
          "!!str",
          "!!int",
          "!!float",
          "!!bool",
          "!!null",
          "!!seq",
          "!!map",
          "tag:yaml.org,2002:str",
          "tag:yaml.org,2002:int",
          "tag:yaml.org,2002:float",
          "tag:yaml.org,2002:bool",
          "tag:yaml.org,2002:null",
          "tag:yaml.org,2002:seq",
          "tag:yaml.org,2002:map");

  /** Parses the front matter of {@code text}; problems are reported against {@code path}. */
  public FrontMatter parse(String text, String path, Problems problems) {
    if (!text.startsWith("---\n") && !text.startsWith("---\r\n")) {
      return new FrontMatter(Map.of(), text, 0);
    }
    int start = text.indexOf('\n') + 1;
    int pos = start;
    int line = 2;
    while (pos < text.length()) {
      int end = text.indexOf('\n', pos);
      String l = (end < 0 ? text.substring(pos) : text.substring(pos, end)).stripTrailing();
      if (l.equals("---") || l.equals("...")) {
        String yaml = text.substring(start, pos);
        String body = end < 0 ? "" : text.substring(end + 1);
        return new FrontMatter(values(yaml, path, problems), body, line);
      }
      if (end < 0) {
        break;
      }
      pos = end + 1;
      line++;
    }
    problems.error(path, 1, "front matter starts with --- but has no closing --- line");
    return new FrontMatter(Map.of(), text, 0);
  }

  private Map<String, Object> values(String yaml, String path, Problems problems) {
    if (yaml.length() > MAX_CHARS) {
      problems.error(
          path, 1, "front matter is " + yaml.length() + " characters; the limit is " + MAX_CHARS);
      return Map.of();
    }
    if (yaml.isBlank()) {
      return Map.of();
    }
    String unsupported = unsupportedFeature(yaml, path, problems);
    if (unsupported != null) {
      return Map.of();
    }
    try {
      Object value = YAML.readValue(yaml, Object.class);
      if (value instanceof Map<?, ?>) {
        return YAML.convertValue(value, MAP);
      }
      problems.error(path, 2, "front matter must be YAML key: value pairs");
    } catch (JacksonException e) {
      TokenStreamLocation at = e.getLocation();
      int line = at == null || at.getLineNr() < 1 ? 1 : at.getLineNr() + 1;
      problems.error(path, line, "malformed front matter: " + firstLine(e.getOriginalMessage()));
    } catch (RuntimeException e) {
      problems.error(path, 1, "malformed front matter: " + firstLine(e.getMessage()));
    }
    return Map.of();
  }

  /**
   * Rejects aliases (a billion-laughs or merge-key bomb is nothing but aliases) and tags other than
   * YAML's plain scalar types ({@code !!java.lang.Runtime}, {@code !custom}): front matter is plain
   * key: value data, and a parser that ignored them would accept a hostile file silently. Returns
   * the problem reported, or null; syntax errors are left to the full parse, which reports them.
   */
  private static String unsupportedFeature(String yaml, String path, Problems problems) {
    try (JsonParser parser = YAML.createParser(yaml)) {
      YAMLParser p = (YAMLParser) parser;
      while (p.nextToken() != null) {
        String message = null;
        String tag = p.getTypeId();
        if (p.isCurrentAlias()) {
          message =
              "front matter uses a YAML alias; aliases are not supported, write the value out";
        } else if (tag != null && !PLAIN_TAGS.contains(tag)) {
          message =
              "front matter uses the YAML tag "
                  + tag.substring(0, Math.min(tag.length(), 80))
                  + "; only plain values (strings, numbers, booleans, lists, maps) are supported";
        }
        if (message != null) {
          TokenStreamLocation at = p.currentTokenLocation();
          problems.error(path, at == null || at.getLineNr() < 1 ? 1 : at.getLineNr() + 1, message);
          return message;
        }
      }
    } catch (JacksonException e) {
      return null;
    } catch (RuntimeException e) {
      return null;
    }
    return null;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable YAML";
    }
    // snakeyaml's message: context, "in reader" location lines, indented excerpts, the problem
    return message
        .lines()
        .filter(l -> !l.isBlank() && !l.startsWith(" ") && !l.contains(" in reader"))
        .map(String::strip)
        .reduce((a, b) -> a + ": " + b)
        .orElse("unreadable YAML");
  }
}
