package io.galley.ingest.book;

import java.util.List;
import java.util.TreeSet;

/**
 * Finds the books of a repository: the root when it holds book.yml, SUMMARY.md or book.toml, else
 * each top-level folder holding book.yml, book.toml, SUMMARY.md or src/SUMMARY.md.
 */
public final class BookDiscovery {

  private BookDiscovery() {}

  /** Book folders relative to the root ("" = the root itself), sorted. */
  public static List<String> discover(BookFiles files) {
    if (isBook(files, "")) {
      return List.of("");
    }
    TreeSet<String> books = new TreeSet<>();
    for (String p : files.paths()) {
      int slash = p.indexOf('/');
      if (slash > 0 && isBook(files, p.substring(0, slash))) {
        books.add(p.substring(0, slash));
      }
    }
    return List.copyOf(books);
  }

  private static boolean isBook(BookFiles files, String folder) {
    return files.exists(RepoPaths.join(folder, "book.yml"))
        || files.exists(RepoPaths.join(folder, "book.toml"))
        || files.exists(RepoPaths.join(folder, "SUMMARY.md"))
        || !folder.isEmpty() && files.exists(RepoPaths.join(folder, "src/SUMMARY.md"));
  }

  /** Normalises a configured folder: "", "." and "/" mean the root; slashes trimmed. */
  public static String normalise(String folder) {
    String f = folder == null ? "" : folder.strip().replace('\\', '/');
    f = f.replaceAll("^\\./", "").replaceAll("^/+|/+$", "");
    return f.equals(".") ? "" : f;
  }
}
