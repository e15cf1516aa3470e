package io.galley.export.diff;

import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The chapter-level difference between two editions of a book, from their manifests.
 *
 * @param from the older manifest
 * @param to the newer manifest
 * @param chapters every chapter of either edition: the newer edition's in reading order, then the
 *     removed ones
 * @param reordered whether chapters present in both appear in a different order
 */
public record EditionComparison(
    CommitIngested from, CommitIngested to, List<ChapterChange> chapters, boolean reordered) {

  public EditionComparison {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    chapters = List.copyOf(chapters);
  }

  /** Compares two manifests of the same book. */
  public static EditionComparison of(CommitIngested from, CommitIngested to) {
    Map<String, ChapterEntry> before = new LinkedHashMap<>();
    from.chapters().forEach(c -> before.put(c.docId(), c));
    Map<String, ChapterEntry> after = new LinkedHashMap<>();
    to.chapters().forEach(c -> after.put(c.docId(), c));
    List<ChapterChange> changes = new ArrayList<>();
    for (ChapterEntry now : to.chapters()) {
      ChapterEntry was = before.get(now.docId());
      ChapterChange.Kind kind =
          was == null
              ? ChapterChange.Kind.ADDED
              : was.equals(now) ? ChapterChange.Kind.UNCHANGED : ChapterChange.Kind.CHANGED;
      changes.add(new ChapterChange(kind, now.docId(), was, now));
    }
    for (ChapterEntry was : from.chapters()) {
      if (!after.containsKey(was.docId())) {
        changes.add(new ChapterChange(ChapterChange.Kind.REMOVED, was.docId(), was, null));
      }
    }
    List<String> oldOrder =
        from.chapters().stream().map(ChapterEntry::docId).filter(after::containsKey).toList();
    List<String> newOrder =
        to.chapters().stream().map(ChapterEntry::docId).filter(before::containsKey).toList();
    return new EditionComparison(from, to, changes, !oldOrder.equals(newOrder));
  }

  /** The chapters of one kind. */
  public List<ChapterChange> of(ChapterChange.Kind kind) {
    return chapters.stream().filter(c -> c.kind() == kind).toList();
  }

  /** The change of one chapter. */
  public java.util.Optional<ChapterChange> chapter(String docId) {
    return chapters.stream().filter(c -> c.docId().equals(docId)).findFirst();
  }
}
