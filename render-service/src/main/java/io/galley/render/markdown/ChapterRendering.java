package io.galley.render.markdown;

import io.galley.events.AssetRef;
import io.galley.events.Heading;
import io.galley.events.Problem;
import java.util.List;
import java.util.Objects;

/**
 * A chapter converted to a well-formed XHTML fragment.
 *
 * @param xhtml the fragment; chapter links are {@code doc:} and images {@code asset:} references
 * @param headings the headings in document order, with their unique ids
 * @param docRefs docIds the chapter links to, in first-use order
 * @param assets images the fragment references
 * @param warnings problems found while converting
 */
public record ChapterRendering(
    String xhtml,
    List<Heading> headings,
    List<String> docRefs,
    List<AssetRef> assets,
    List<Problem> warnings) {

  public ChapterRendering {
    Objects.requireNonNull(xhtml, "xhtml");
    headings = List.copyOf(headings);
    docRefs = List.copyOf(docRefs);
    assets = List.copyOf(assets);
    warnings = List.copyOf(warnings);
  }
}
