package io.galley.export.portal;

import static io.galley.export.portal.Html.esc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.galley.events.RenderedChapter;
import io.galley.export.DiffLimits;
import io.galley.export.ExportProperties;
import io.galley.export.diff.ChapterChange;
import io.galley.export.diff.ChapterText;
import io.galley.export.diff.DiffBudget;
import io.galley.export.diff.DiffTooLarge;
import io.galley.export.diff.TextDiff;
import io.galley.export.history.EditionHistory;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The text diff of one chapter as HTML, within the bounds of {@link DiffLimits}: a chapter too
 * large to compare or to show becomes a one-line summary, and results are cached by the two
 * versions' hashes in a cache bounded by size.
 */
@Component
class ChapterDiffs {

  private final EditionHistory history;
  private final DiffLimits limits;
  private final Cache<String, String> cache;

  ChapterDiffs(EditionHistory history, ExportProperties properties) {
    this.history = history;
    this.limits = properties.diff();
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(limits.cacheChars())
            .<String, String>weigher((k, v) -> k.length() + v.length())
            .build();
  }

  /** A budget for one request's diffs. */
  DiffBudget budget() {
    return DiffBudget.of(limits.maxComparisons(), limits.timeout());
  }

  /** The body of a chapter's diff section: a table, a summary or a notice. */
  String body(String bookId, ChapterChange c, DiffBudget budget) {
    String key =
        String.join(
            "\n",
            bookId,
            c.docId(),
            sha(c.before()),
            sha(c.after()),
            "Text changes in " + c.title());
    String cached = cache.getIfPresent(key);
    if (cached != null) {
      return cached;
    }
    if (budget.expired()) {
      return summary("Not compared: the time budget of this page ran out.") + texts(bookId, c);
    }
    Optional<String> before = xhtml(bookId, c.before());
    Optional<String> after = xhtml(bookId, c.after());
    if (before.isEmpty() || after.isEmpty()) {
      return "<p class=\"notice\">The rendered text of "
          + (before.isEmpty() ? "the older" : "the newer")
          + " version is not available any more (the rendered topic keeps the newest version of"
          + " each chapter).</p>\n";
    }
    if (before.get().length() > limits.maxChapterChars()
        || after.get().length() > limits.maxChapterChars()) {
      return cache(
          key,
          summary(
                  "Too large to compare: the chapter is over "
                      + limits.maxChapterChars()
                      + " characters of rendered text.")
              + texts(bookId, c));
    }
    List<String> a = ChapterText.lines(before.get());
    List<String> b = ChapterText.lines(after.get());
    int atLeast = TextDiff.changedAtLeast(a, b);
    // a removed and an added block may pair up as one changed line: half the bound is sure
    if (a.size() > limits.maxBlocks()
        || b.size() > limits.maxBlocks()
        || atLeast / 2 > limits.maxChangedBlocks()) {
      return cache(key, tooLarge(atLeast, "at least ") + texts(bookId, c));
    }
    List<TextDiff.Line> lines;
    try {
      lines = TextDiff.of(a, b, budget);
    } catch (DiffTooLarge e) {
      return summary(
              "Too large to show; at least "
                  + atLeast
                  + " blocks changed (the comparison stopped: "
                  + e.getMessage()
                  + ").")
          + texts(bookId, c);
    }
    long changed = lines.stream().filter(l -> l.kind() != TextDiff.Kind.KEPT).count();
    if (changed == 0) {
      return cache(key, "<p>The text reads the same; only the source or the markup changed.</p>\n");
    }
    if (changed > limits.maxChangedBlocks()) {
      return cache(key, tooLarge(changed, "") + texts(bookId, c));
    }
    return cache(key, TextDiffTable.render("Text changes in " + c.title(), lines));
  }

  private String cache(String key, String html) {
    cache.put(key, html);
    return html;
  }

  private static String tooLarge(long changed, String qualifier) {
    return summary("Too large to show; " + qualifier + changed + " blocks changed.");
  }

  /** Links to the two versions' text, for a chapter not compared here: readers compare them. */
  private static String texts(String bookId, ChapterChange c) {
    StringBuilder html = new StringBuilder("<p class=\"diff-texts\">Read the text of ");
    if (c.before() != null) {
      html.append(textLink(bookId, c.before(), "the older version"));
    }
    if (c.before() != null && c.after() != null) {
      html.append(" and ");
    }
    if (c.after() != null) {
      html.append(textLink(bookId, c.after(), "the newer version"));
    }
    return html.append(".</p>\n").toString();
  }

  private static String textLink(String bookId, io.galley.events.ChapterEntry entry, String label) {
    return "<a href=\"/books/"
        + Html.seg(bookId)
        + "/text?doc="
        + Html.param(entry.docId())
        + "&amp;version="
        + Html.param(entry.sha256())
        + "\">"
        + label
        + "</a>";
  }

  private static String summary(String text) {
    return "<p class=\"notice diff-summary\">" + esc(text) + "</p>\n";
  }

  private Optional<String> xhtml(String bookId, io.galley.events.ChapterEntry entry) {
    if (entry == null) {
      return Optional.of("");
    }
    return history.chapter(bookId, entry.docId(), entry.sha256()).map(RenderedChapter::xhtml);
  }

  private static String sha(io.galley.events.ChapterEntry entry) {
    return entry == null ? "-" : entry.sha256();
  }
}
