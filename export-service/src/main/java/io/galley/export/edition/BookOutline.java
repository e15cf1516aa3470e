package io.galley.export.edition;

import io.galley.events.BookMetadata;
import io.galley.events.ChapterEntry;
import io.galley.events.Heading;
import io.galley.events.RenderedChapter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A book's contents as a tree, the one shape the printed contents, the PDF bookmarks and the EPUB
 * navigation walk: SUMMARY.md's parts, chapters nested as it nests them, and under each chapter its
 * sections down to a depth.
 *
 * @param nodes the top level: parts, and chapters outside any part
 */
public record BookOutline(List<Node> nodes) {

  /**
   * Books with at most this many chapters list their chapters' sections in the contents by default;
   * longer books list parts and chapters only, so that the printed contents of a book of forty
   * chapters fit in two or three pages.
   */
  public static final int FEW_CHAPTERS = 12;

  /** What a node stands for. */
  public enum Kind {
    PART,
    CHAPTER,
    SECTION
  }

  /**
   * One entry of the contents.
   *
   * @param kind part, chapter or section
   * @param chapter the index in {@link BookContent#chapters()} of the chapter it is, is in, or (a
   *     part) opens
   * @param label the text shown, a chapter's number included
   * @param heading the section's heading id, null for parts and chapters
   * @param children nested nodes
   */
  public record Node(Kind kind, int chapter, String label, String heading, List<Node> children) {

    public Node {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(label, "label");
      children = List.copyOf(children);
    }
  }

  public BookOutline {
    nodes = List.copyOf(nodes);
  }

  /**
   * The heading levels the contents list for {@code book}: {@code book.yml}'s {@code
   * contentsDepth}, else 2 (chapters and their sections) for a book of at most {@link
   * #FEW_CHAPTERS} chapters and 1 (parts and chapters) for a longer one.
   */
  public static int contentsDepth(BookContent book) {
    BookMetadata meta = book.manifest().book();
    if (meta.contentsDepth() > 0) {
      return meta.contentsDepth();
    }
    return book.chapters().size() <= FEW_CHAPTERS ? 2 : 1;
  }

  /** The outline of {@code book} with sections down to heading level {@code depth} (1 = none). */
  public static BookOutline of(BookContent book, int depth) {
    Draft root = new Draft(null, 0, "", null);
    // open.get(d) is the node chapters of depth d go under; a part starts afresh
    List<Draft> open = new ArrayList<>(List.of(root));
    List<ChapterEntry> entries = book.manifest().chapters();
    String part = null;
    for (int i = 0; i < book.chapters().size(); i++) {
      ChapterEntry entry = entries.get(i);
      if (!Objects.equals(entry.part(), part)) {
        open.clear();
        open.add(entry.part() == null ? root : root.add(Kind.PART, i, entry.part(), null));
        part = entry.part();
      }
      int d = Math.min(entry.depth(), open.size() - 1);
      while (open.size() > d + 1) {
        open.remove(open.size() - 1);
      }
      RenderedChapter chapter = book.chapters().get(i);
      Draft node = open.get(d).add(Kind.CHAPTER, i, label(entry, chapter.title()), null);
      sections(node, chapter, i, depth);
      open.add(node);
    }
    return new BookOutline(root.done().children());
  }

  /** A chapter's title as the contents show it: {@code 3.1. Title} when numbered. */
  public static String label(ChapterEntry entry, String title) {
    return entry.number() == null ? title : entry.number() + ". " + title;
  }

  /** The heading a chapter opens with in print: {@code Chapter 3} for a numbered chapter. */
  public static String opener(ChapterEntry entry) {
    return entry.number() == null || entry.depth() > 0 ? null : "Chapter " + entry.number();
  }

  /** Sections of levels 2 to {@code depth}, a level-3 one under the level-2 one before it. */
  private static void sections(Draft chapter, RenderedChapter rendered, int index, int depth) {
    Draft last = chapter;
    for (Heading h : rendered.headings()) {
      if (h.level() == 2 && depth >= 2) {
        last = chapter.add(Kind.SECTION, index, h.text(), h.id());
      } else if (h.level() == 3 && depth >= 3) {
        last.add(Kind.SECTION, index, h.text(), h.id());
      }
    }
  }

  /** A node being built: its children are still to come. */
  private record Draft(Kind kind, int chapter, String label, String heading, List<Draft> kids) {

    Draft(Kind kind, int chapter, String label, String heading) {
      this(kind, chapter, label, heading, new ArrayList<>());
    }

    Draft add(Kind kind, int chapter, String label, String heading) {
      Draft kid = new Draft(kind, chapter, label, heading);
      kids.add(kid);
      return kid;
    }

    Node done() {
      return new Node(
          kind == null ? Kind.PART : kind,
          chapter,
          label,
          heading,
          kids.stream().map(Draft::done).toList());
    }
  }
}
