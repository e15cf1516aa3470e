package io.galley.ingest.book;

import io.galley.events.Problem;
import java.util.List;
import java.util.Map;

/**
 * What a chapter file says by itself, whatever else the commit holds: the result of reading and
 * parsing its bytes at its path, cached by blob id. Problems are kept in the order they were found,
 * so a cached read reports exactly what a fresh one would.
 *
 * @param problems found before its images are resolved (size, encoding, front matter, title)
 * @param skipped whether the file yields no chapter (a draft, or an error above)
 * @param sha256 hash of the file's bytes, and of the included text when it has includes
 * @param frontMatter parsed front matter
 * @param markdown body without front matter
 * @param frontMatterLines lines the front matter took
 * @param title the chapter's title
 * @param slug the front matter slug, or null
 * @param images image references in body order, with their line in the file
 * @param orderProblems found after the images (a front matter order that is not a number)
 * @param order front matter order, Integer.MAX_VALUE when absent
 * @param links links to other chapters ({@code *.md}), with their line in the file
 * @param includes the files its includes read or looked for, path to blob id ("" when absent): the
 *     parse holds while they are unchanged
 */
record ParsedChapter(
    List<Problem> problems,
    boolean skipped,
    String sha256,
    Map<String, Object> frontMatter,
    String markdown,
    int frontMatterLines,
    String title,
    String slug,
    List<Reference> images,
    List<Problem> orderProblems,
    double order,
    List<Reference> links,
    Map<String, String> includes) {

  /** A reference to another file as written, at a 1-based line of the chapter file. */
  record Reference(String target, int line) {}

  ParsedChapter {
    problems = List.copyOf(problems);
    images = List.copyOf(images);
    orderProblems = List.copyOf(orderProblems);
    links = List.copyOf(links);
    includes = Map.copyOf(includes);
  }

  /** Whether every file its includes read is still as it was in {@code files}. */
  boolean includesCurrent(BookFiles files) {
    for (Map.Entry<String, String> source : includes.entrySet()) {
      boolean same =
          files.exists(source.getKey())
              ? files.blobId(source.getKey()).map(source.getValue()::equals).orElse(false)
              : source.getValue().isEmpty();
      if (!same) {
        return false;
      }
    }
    return true;
  }

  /** A file that yields no chapter, with the problems that say why (none for a draft). */
  static ParsedChapter skipped(List<Problem> problems) {
    return new ParsedChapter(
        problems, true, null, Map.of(), "", 0, null, null, List.of(), List.of(), 0, List.of(),
        Map.of());
  }

  /** Roughly the bytes this entry keeps in memory, for bounding the cache. */
  long weight() {
    // a String of Latin-1 characters takes a byte per character, any other two
    boolean latin1 = markdown.chars().allMatch(c -> c < 256);
    return 1024L + (latin1 ? 1L : 2L) * markdown.length() + 128L * (images.size() + links.size());
  }
}
