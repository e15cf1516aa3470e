package io.galley.ingest.book;

import io.galley.events.AssetRef;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One chapter of a book at a commit.
 *
 * @param docId path relative to the book's content folder, without {@code .md}
 * @param path path relative to the repository root
 * @param sha256 hash of the file's bytes
 * @param frontMatter parsed front matter
 * @param markdown body without front matter
 * @param frontMatterLines lines the front matter took
 * @param title the chapter's title
 * @param slug the front matter slug, or null
 * @param assets local images the chapter references
 */
public record Chapter(
    String docId,
    String path,
    String sha256,
    Map<String, Object> frontMatter,
    String markdown,
    int frontMatterLines,
    String title,
    String slug,
    List<AssetRef> assets) {

  public Chapter {
    Objects.requireNonNull(docId, "docId");
    Objects.requireNonNull(title, "title");
    assets = List.copyOf(assets);
  }
}
