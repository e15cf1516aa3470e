package io.galley.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One chapter's source at one commit, published on {@link Topics#SOURCE} keyed by {@link #key()}.
 *
 * @param bookId the book the chapter belongs to
 * @param docId the chapter's path relative to the book folder, without {@code .md}
 * @param path the file's path relative to the repository root, for problem messages
 * @param commit the commit this version was read from
 * @param sha256 hash of the file's bytes; joins with {@link ChapterEntry#sha256()}
 * @param frontMatter the parsed YAML front matter (empty when absent)
 * @param markdown the Markdown body, front matter removed
 * @param frontMatterLines how many lines the front matter took, so renderers can report body lines
 *     as file lines
 * @param assets the local images the chapter references, resolved to content hashes
 */
public record SourceDocument(
    String bookId,
    String docId,
    String path,
    String commit,
    String sha256,
    Map<String, Object> frontMatter,
    String markdown,
    int frontMatterLines,
    List<AssetRef> assets) {

  /** Version of this record's JSON shape. */
  public static final int SCHEMA_VERSION = 1;

  public SourceDocument {
    Objects.requireNonNull(bookId, "bookId");
    Objects.requireNonNull(docId, "docId");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(markdown, "markdown");
    frontMatter = frontMatter == null ? Map.of() : Map.copyOf(frontMatter);
    assets = assets == null ? List.of() : List.copyOf(assets);
  }

  /** The Kafka key: {@code bookId/docId}. */
  public String key() {
    return Topics.documentKey(bookId, docId);
  }

  @JsonProperty("schemaVersion")
  int schemaVersion() {
    return SCHEMA_VERSION;
  }
}
