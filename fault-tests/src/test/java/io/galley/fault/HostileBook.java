package io.galley.fault;

import io.galley.testsupport.TestRepo;

/**
 * The book the hostile load reads: two short chapters and a 6,000-line chapter whose every line
 * changes in the second commit, so the diff between the two commits is as large as it gets.
 */
final class HostileBook {

  static final String ID = "hostile-load";
  static final String FOLDER = "book";
  static final String LONG_DOC = "03-long";
  static final int LINES = 6000;

  private HostileBook() {}

  /** The first commit: the book with the long chapter's first version. */
  static String first(TestRepo repo) {
    repo.write(
            FOLDER + "/book.yml",
            "id: " + ID + "\ntitle: Hostile Load\nauthors:\n  - Ada\nlanguage: en\n")
        .write(FOLDER + "/01-intro.md", "# Introduction\n\nA book read under hostile load.\n")
        .write(
            FOLDER + "/02-notes.md",
            "# Notes\n\nSee [the long chapter](03-long.md).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
    return repo.write(FOLDER + "/" + LONG_DOC + ".md", longChapter("quick", "one"))
        .commit("The long chapter, first version");
  }

  /** The second commit: every line of the long chapter changed. */
  static String second(TestRepo repo) {
    return repo.write(FOLDER + "/" + LONG_DOC + ".md", longChapter("slow", "two"))
        .commit("Every line of the long chapter changed");
  }

  /** One list item per line: each is its own block, so each is a line of the diff. */
  static String longChapter(String word, String revision) {
    StringBuilder md = new StringBuilder("# The long chapter\n\n");
    for (int i = 1; i <= LINES - 2; i++) {
      md.append("- Line ")
          .append(i)
          .append(" of the long chapter: the ")
          .append(word)
          .append(" brown fox, revision ")
          .append(revision)
          .append(".\n");
    }
    return md.toString();
  }
}
