package io.galley.export.diff;

import io.galley.events.ChapterEntry;
import java.util.Objects;

/**
 * What happened to one chapter between two editions.
 *
 * @param kind added, removed, changed or unchanged
 * @param docId the chapter
 * @param before the chapter in the older edition, null when added
 * @param after the chapter in the newer edition, null when removed
 */
public record ChapterChange(Kind kind, String docId, ChapterEntry before, ChapterEntry after) {

  /** The kinds of change, in the order a summary lists them. */
  public enum Kind {
    /** Only in the newer edition. */
    ADDED,
    /** Only in the older edition. */
    REMOVED,
    /** In both, with a different source or title. */
    CHANGED,
    /** In both, the same. */
    UNCHANGED
  }

  public ChapterChange {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(docId, "docId");
    if ((kind != Kind.ADDED && before == null) || (kind != Kind.REMOVED && after == null)) {
      throw new IllegalArgumentException(kind + " of " + docId + " needs its chapter entries");
    }
  }

  /** Whether the title differs between the two editions. */
  public boolean titleChanged() {
    return before != null && after != null && !before.title().equals(after.title());
  }

  /** Whether the source differs between the two editions. */
  public boolean sourceChanged() {
    return before != null && after != null && !before.sha256().equals(after.sha256());
  }

  /** The newest title known. */
  public String title() {
    return after != null ? after.title() : before.title();
  }
}
