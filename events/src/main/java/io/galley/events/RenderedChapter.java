package io.galley.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * A chapter turned into a format-neutral XHTML fragment, published on {@link Topics#RENDERED}.
 * Links to other chapters are {@code doc:<docId>[#anchor]} references and images {@code
 * asset:<sha256>} references; each edition resolves them its own way.
 *
 * @param bookId the book
 * @param docId the chapter
 * @param sourceSha256 hash of the source this was rendered from; joins with the manifest
 * @param rendererVersion the renderer that produced it; part of every editionId
 * @param title the chapter's title
 * @param xhtml a well-formed XHTML fragment (the content of a {@code <section>})
 * @param headings the chapter's headings in document order
 * @param docRefs docIds this chapter links to
 * @param assets the images the fragment references
 * @param warnings problems found while rendering (broken links, remote images)
 */
public record RenderedChapter(
    String bookId,
    String docId,
    String sourceSha256,
    String rendererVersion,
    String title,
    String xhtml,
    List<Heading> headings,
    List<String> docRefs,
    List<AssetRef> assets,
    List<Problem> warnings) {

  /** Version of this record's JSON shape. */
  public static final int SCHEMA_VERSION = 1;

  public RenderedChapter {
    Objects.requireNonNull(bookId, "bookId");
    Objects.requireNonNull(docId, "docId");
    Objects.requireNonNull(sourceSha256, "sourceSha256");
    Objects.requireNonNull(rendererVersion, "rendererVersion");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(xhtml, "xhtml");
    headings = headings == null ? List.of() : List.copyOf(headings);
    docRefs = docRefs == null ? List.of() : List.copyOf(docRefs);
    assets = assets == null ? List.of() : List.copyOf(assets);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
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
