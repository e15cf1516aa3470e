package io.galley.render.markdown;

import io.galley.events.AssetRef;
import io.galley.events.SourceDocument;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What the converter needs to know about a chapter besides its Markdown.
 *
 * @param path the file's path in the repository, for warnings
 * @param docId the chapter's docId; relative links resolve against its folder
 * @param frontMatterLines lines before the Markdown body, added to reported line numbers
 * @param bookDocIds every docId of the book, for resolving chapter links
 * @param assets the images the chapter may reference, matched by path
 * @param resolveLinks false for previews: links are left as written and not checked
 * @param headingIds the heading ids of another chapter by docId, null when unknown (not checked)
 */
public record ChapterContext(
    String path,
    String docId,
    int frontMatterLines,
    Set<String> bookDocIds,
    List<AssetRef> assets,
    boolean resolveLinks,
    Function<String, Set<String>> headingIds) {

  public ChapterContext {
    Objects.requireNonNull(path, "path");
    headingIds = headingIds == null ? other -> null : headingIds;
    Objects.requireNonNull(docId, "docId");
    bookDocIds = Set.copyOf(bookDocIds);
    assets = List.copyOf(assets);
    if (frontMatterLines < 0) {
      throw new IllegalArgumentException("frontMatterLines must be >= 0, got " + frontMatterLines);
    }
  }

  /** A context whose links to other chapters' anchors are not checked. */
  public ChapterContext(
      String path,
      String docId,
      int frontMatterLines,
      Set<String> bookDocIds,
      List<AssetRef> assets,
      boolean resolveLinks) {
    this(path, docId, frontMatterLines, bookDocIds, assets, resolveLinks, null);
  }

  /** The context of a chapter of a book whose chapters are {@code bookDocIds}. */
  public static ChapterContext of(SourceDocument source, Set<String> bookDocIds) {
    return of(source, bookDocIds, null);
  }

  /**
   * The context of a chapter of a book whose chapters are {@code bookDocIds}; links to anchors of
   * other chapters are checked against {@code headingIds} (docId to ids, null when unknown).
   */
  public static ChapterContext of(
      SourceDocument source, Set<String> bookDocIds, Function<String, Set<String>> headingIds) {
    return new ChapterContext(
        source.path(),
        source.docId(),
        source.frontMatterLines(),
        bookDocIds,
        source.assets(),
        true,
        headingIds);
  }

  /** The context of a preview: no book around it. */
  public static ChapterContext preview() {
    return new ChapterContext("preview.md", "preview", 0, Set.of(), List.of(), false);
  }

  /** The folder of the chapter relative to the book folder, "" at the root. */
  String folder() {
    int slash = docId.lastIndexOf('/');
    return slash < 0 ? "" : docId.substring(0, slash);
  }
}
