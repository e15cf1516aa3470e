package io.galley.render.markdown;

import io.galley.events.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A converted chapter whose links to other chapters' anchors are not checked yet: {@link #finish}
 * checks them once the heading ids of the chapters it links to are known. Immutable; {@code finish}
 * may be called any number of times.
 */
public final class ChapterDraft {

  private final ChapterRendering rendering;
  private final BiConsumer<Function<String, Set<String>>, List<Problem>> anchorCheck;

  ChapterDraft(
      ChapterRendering rendering,
      BiConsumer<Function<String, Set<String>>, List<Problem>> anchorCheck) {
    this.rendering = Objects.requireNonNull(rendering, "rendering");
    this.anchorCheck = Objects.requireNonNull(anchorCheck, "anchorCheck");
  }

  /** The ids of this chapter's headings, in document order. */
  public List<String> headingIds() {
    return rendering.headings().stream().map(h -> h.id()).toList();
  }

  /**
   * The rendering, with a warning for each link to a missing anchor; {@code headingIds} gives the
   * heading ids of another chapter by docId (null when unknown: links to it are not checked).
   */
  public ChapterRendering finish(Function<String, Set<String>> headingIds) {
    List<Problem> warnings = new ArrayList<>(rendering.warnings());
    anchorCheck.accept(headingIds == null ? docId -> null : headingIds, warnings);
    if (warnings.size() == rendering.warnings().size()) {
      return rendering;
    }
    return new ChapterRendering(
        rendering.xhtml(), rendering.headings(), rendering.docRefs(), rendering.assets(), warnings);
  }
}
