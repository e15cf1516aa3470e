package io.galley.render.site;

import io.galley.events.ChapterEntry;
import io.galley.events.RenderedChapter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The nesting of the sidebar's chapter list: each SUMMARY.md part a group (its title, then a list
 * of its chapters), each sub-chapter in a list inside its chapter's item. A chapter's item is left
 * open after its link ({@code <li><a>..</a>}); {@link #before} holds what closes the items and
 * lists before the next one and opens its group, {@link #after} what closes the last.
 */
final class SidebarGroups {

  private final String[] before;
  private final String[] labels;
  private final String after;

  SidebarGroups(List<ChapterEntry> entries, List<RenderedChapter> chapters) {
    Map<String, ChapterEntry> byDoc = new HashMap<>();
    entries.forEach(e -> byDoc.put(e.docId(), e));
    before = new String[chapters.size()];
    labels = new String[chapters.size()];
    String part = null;
    boolean inPart = false;
    int depth = -1;
    for (int i = 0; i < chapters.size(); i++) {
      RenderedChapter c = chapters.get(i);
      ChapterEntry e = byDoc.getOrDefault(c.docId(), new ChapterEntry(c.docId(), "-", c.title()));
      labels[i] = e.number() == null ? c.title() : e.number() + ". " + c.title();
      boolean newPart = i == 0 || !Objects.equals(e.part(), part);
      int d = newPart ? 0 : Math.min(e.depth(), depth + 1);
      StringBuilder s = new StringBuilder();
      if (i > 0 && newPart) {
        s.append(close(depth, 0, inPart));
      } else if (i > 0 && d > depth) {
        s.append("\n<ol>\n");
      } else if (i > 0) {
        s.append(close(depth, d, false));
      }
      if (newPart) {
        inPart = e.part() != null;
        if (inPart) {
          s.append("<li class=\"toc-part\"><span class=\"toc-part-title\">")
              .append(SitePages.esc(e.part()))
              .append("</span>\n<ol>\n");
        }
      }
      before[i] = s.toString();
      part = e.part();
      depth = d;
    }
    after = chapters.isEmpty() ? "" : close(depth, 0, inPart);
  }

  /** What closes the open item of depth {@code from}, the lists down to {@code to}, the part. */
  private static String close(int from, int to, boolean part) {
    StringBuilder s = new StringBuilder("</li>\n");
    for (int k = from; k > to; k--) {
      s.append("</ol>\n</li>\n");
    }
    if (part) {
      s.append("</ol>\n</li>\n");
    }
    return s.toString();
  }

  String[] before() {
    return before.clone();
  }

  String after() {
    return after;
  }

  /** The chapter's title as the sidebar shows it, its number first when numbered. */
  String label(int i) {
    return labels[i];
  }
}
