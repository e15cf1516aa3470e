package io.galley.export.portal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.galley.events.ChapterEntry;
import io.galley.events.RenderedChapter;
import io.galley.export.DiffLimits;
import io.galley.export.ExportProperties;
import io.galley.export.diff.ChapterChange;
import io.galley.export.diff.ChapterText;
import io.galley.export.diff.DiffBudget;
import io.galley.export.diff.DiffTooLarge;
import io.galley.export.diff.TextDiff;
import io.galley.export.history.EditionHistory;
import java.util.ArrayList;
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
  private final Cache<String, Templates.Fragment> cache;

  ChapterDiffs(EditionHistory history, ExportProperties properties) {
    this.history = history;
    this.limits = properties.diff();
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(limits.cacheChars())
            .<String, Templates.Fragment>weigher((k, v) -> k.length() + v.length())
            .build();
  }

  /** A budget for one request's diffs. */
  DiffBudget budget() {
    return DiffBudget.of(limits.maxComparisons(), limits.timeout());
  }

  /** A notice in place of a chapter's diff, with links to the texts readers may compare. */
  record Notice(String css, String text, List<Link> links) {}

  /** A link to one version's text. */
  record Link(String href, String label) {}

  /** The body of a chapter's diff section: a table, a summary or a notice. */
  Templates.Fragment body(String bookId, ChapterChange c, DiffBudget budget) {
    String key =
        String.join(
            "\n",
            bookId,
            c.docId(),
            sha(c.before()),
            sha(c.after()),
            "Text changes in " + c.title());
    Templates.Fragment cached = cache.getIfPresent(key);
    if (cached != null) {
      return cached;
    }
    if (budget.expired()) {
      return summary("Not compared: the time budget of this page ran out.", bookId, c);
    }
    Optional<String> before = xhtml(bookId, c.before());
    Optional<String> after = xhtml(bookId, c.after());
    if (before.isEmpty() || after.isEmpty()) {
      return notice(
          new Notice(
              "notice",
              "The rendered text of "
                  + (before.isEmpty() ? "the older" : "the newer")
                  + " version is not available any more (the rendered topic keeps the newest"
                  + " version of each chapter).",
              List.of()));
    }
    if (before.get().length() > limits.maxChapterChars()
        || after.get().length() > limits.maxChapterChars()) {
      return cache(
          key,
          summary(
              "Too large to compare: the chapter is over "
                  + limits.maxChapterChars()
                  + " characters of rendered text.",
              bookId,
              c));
    }
    List<String> a = ChapterText.lines(before.get());
    List<String> b = ChapterText.lines(after.get());
    int atLeast = TextDiff.changedAtLeast(a, b);
    // a removed and an added block may pair up as one changed line: half the bound is sure
    if (a.size() > limits.maxBlocks()
        || b.size() > limits.maxBlocks()
        || atLeast / 2 > limits.maxChangedBlocks()) {
      return cache(key, tooLarge(atLeast, "at least ", bookId, c));
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
              + ").",
          bookId,
          c);
    }
    long changed = lines.stream().filter(l -> l.kind() != TextDiff.Kind.KEPT).count();
    if (changed == 0) {
      return cache(
          key,
          notice(
              new Notice(
                  null,
                  "The text reads the same; only the source or the markup changed.",
                  List.of())));
    }
    if (changed > limits.maxChangedBlocks()) {
      return cache(key, tooLarge(changed, "", bookId, c));
    }
    return cache(
        key,
        Templates.fragment(
            "textDiff.jte", TextDiffTable.of("Text changes in " + c.title(), lines)));
  }

  private Templates.Fragment cache(String key, Templates.Fragment html) {
    cache.put(key, html);
    return html;
  }

  private static Templates.Fragment tooLarge(
      long changed, String qualifier, String bookId, ChapterChange c) {
    return summary("Too large to show; " + qualifier + changed + " blocks changed.", bookId, c);
  }

  /** A summary with links to the two versions' text: readers compare them where we do not. */
  private static Templates.Fragment summary(String text, String bookId, ChapterChange c) {
    List<Link> links = new ArrayList<>();
    if (c.before() != null) {
      links.add(textLink(bookId, c.before(), "the older version"));
    }
    if (c.after() != null) {
      links.add(textLink(bookId, c.after(), "the newer version"));
    }
    return notice(new Notice("notice diff-summary", text, links));
  }

  private static Templates.Fragment notice(Notice notice) {
    return Templates.fragment("diffNotice.jte", notice);
  }

  private static Link textLink(String bookId, ChapterEntry entry, String label) {
    return new Link(
        "/books/"
            + Html.encoded(bookId)
            + "/text?doc="
            + Html.param(entry.docId())
            + "&version="
            + Html.param(entry.sha256()),
        label);
  }

  private Optional<String> xhtml(String bookId, ChapterEntry entry) {
    if (entry == null) {
      return Optional.of("");
    }
    return history.chapter(bookId, entry.docId(), entry.sha256()).map(RenderedChapter::xhtml);
  }

  private static String sha(ChapterEntry entry) {
    return entry == null ? "-" : entry.sha256();
  }
}
