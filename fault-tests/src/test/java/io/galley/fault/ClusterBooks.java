package io.galley.fault;

import io.galley.testsupport.TestImages;
import io.galley.testsupport.TestRepo;
import java.awt.Color;
import java.util.List;

/** The cluster test's content: books in folders of one git repository, each edited in turn. */
final class ClusterBooks {

  private ClusterBooks() {}

  /** One commit creating every book (folder = bookId): three chapters and an image each. */
  static String create(TestRepo repo, List<String> books) {
    for (String book : books) {
      repo.write(
              book + "/book.yml",
              "id: " + book + "\ntitle: Cluster " + book + "\nauthors:\n  - Ada\nlanguage: en\n")
          .write(book + "/images/dot.png", TestImages.png(40, 40, Color.BLUE));
      for (int c = 1; c <= 3; c++) {
        repo.write(chapter(book, c), text(book, c, 0));
      }
    }
    return repo.commit("Create " + String.join(", ", books));
  }

  /** A commit changing one chapter of one book; returns its id. */
  static String edit(TestRepo repo, String book, int revision) {
    int c = 1 + revision % 3;
    return repo.write(chapter(book, c), text(book, c, revision))
        .commit("Revision " + revision + " of " + book);
  }

  private static String text(String book, int chapter, int revision) {
    StringBuilder text =
        new StringBuilder(
            "# Chapter " + chapter + "\n\nRevision " + revision + " of " + book + ".\n\n");
    for (int p = 0; p < 1 + revision % 4; p++) {
      text.append("Paragraph ").append(p).append(" with *emphasis*.\n\n");
    }
    if (chapter == 1) {
      text.append("![a blue dot](images/dot.png)\n\nSee [the next chapter](02-chapter.md).\n");
    }
    return text.toString();
  }

  private static String chapter(String book, int c) {
    return String.format("%s/%02d-chapter.md", book, c);
  }
}
