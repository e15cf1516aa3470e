package io.galley.bench;

/** Counts the prose words of a chapter: outside front matter and fenced code. */
final class SyntheticBookWords {

  private SyntheticBookWords() {}

  static int prose(String md) {
    int words = 0;
    boolean inCode = false;
    boolean inFrontMatter = md.startsWith("---\n");
    int line = 0;
    for (String l : md.lines().toList()) {
      line++;
      if (inFrontMatter) {
        inFrontMatter = line == 1 || !l.equals("---");
        continue;
      }
      if (l.startsWith("```")) {
        inCode = !inCode;
      } else if (!inCode) {
        words += Prose.countWords(l);
      }
    }
    return words;
  }

  static int codeBlocks(String md) {
    return (int) md.lines().filter(l -> l.startsWith("```") && l.length() > 3).count();
  }
}
