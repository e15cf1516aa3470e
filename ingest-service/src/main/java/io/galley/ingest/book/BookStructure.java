package io.galley.ingest.book;

import io.galley.events.ChapterEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The manifest entries of a book's chapters: each one's part, nesting and number. A chapter is
 * nested at most one level below the chapter before it, so a sub-chapter whose parent was left out
 * (a draft) moves up rather than hanging under the wrong chapter.
 */
final class BookStructure {

  private BookStructure() {}

  /**
   * Entries of {@code chapters} in order; {@code listed} gives their places by path, {@code
   * numbering} whether numbered chapters get numbers ("3", "3.1").
   */
  static List<ChapterEntry> entries(
      List<Chapter> chapters, List<BookLayout.Listed> listed, boolean numbering) {
    Map<String, BookLayout.Listed> byPath = new HashMap<>();
    listed.forEach(l -> byPath.putIfAbsent(l.path(), l));
    int[] counters = new int[ChapterEntry.MAX_DEPTH + 1];
    int previous = -1;
    List<ChapterEntry> out = new ArrayList<>();
    for (Chapter c : chapters) {
      BookLayout.Listed place = byPath.get(c.path());
      int depth = place == null ? 0 : Math.min(place.depth(), previous + 1);
      boolean numbered = numbering && (place == null || place.numbered());
      String number = null;
      if (numbered) {
        counters[depth]++;
        for (int d = depth + 1; d < counters.length; d++) {
          counters[d] = 0;
        }
        StringJoiner joined = new StringJoiner(".");
        for (int d = 0; d <= depth; d++) {
          joined.add(Integer.toString(Math.max(1, counters[d])));
        }
        number = joined.toString();
      }
      out.add(
          new ChapterEntry(
              c.docId(),
              c.sha256(),
              c.title(),
              place == null ? null : place.part(),
              depth,
              number));
      previous = depth;
    }
    return out;
  }
}
