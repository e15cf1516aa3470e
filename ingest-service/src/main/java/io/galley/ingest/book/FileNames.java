package io.galley.ingest.book;

import io.galley.ingest.validation.Problems;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the names of a book's files: chapter names must be usable in URLs and file names, and no
 * two chapters or images may differ only by Unicode normalisation (NFC "é" and NFD "e" + U+0301 are
 * one name on macOS, in most URLs and in a zip unpacked there).
 */
final class FileNames {

  private static final Pattern UNSAFE = Pattern.compile("[?#%\\\\:*\"<>|\\p{Cntrl}]");
  private static final Set<String> CHECKED =
      Set.of("md", "png", "jpg", "jpeg", "gif", "svg", "webp");

  private FileNames() {}

  /** Records an error at the listing when a chapter's file name is unsafe in URLs or files. */
  static boolean safeChapter(BookLayout.Listed listed, Problems problems) {
    Matcher m = UNSAFE.matcher(RepoPaths.fileName(listed.path()));
    if (!m.find()) {
      return true;
    }
    String c = m.group();
    problems.error(
        listed.source(),
        listed.line(),
        "chapter file "
            + listed.path()
            + " has "
            + (Character.isISOControl(c.charAt(0)) ? "a control character" : "'" + c + "'")
            + " in its name, which is unsafe in URLs and file names; rename it using letters,"
            + " digits, '-', '_' and '.'");
    return false;
  }

  /** Records an error for each chapter or image whose name differs from another's only by NFC. */
  static void checkNormalisation(BookFiles files, String folder, Problems problems) {
    Map<String, String> byNfc = new HashMap<>();
    for (String path : files.paths()) {
      String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
      if (!RepoPaths.isInside(folder, path) || !CHECKED.contains(ext)) {
        continue;
      }
      String other = byNfc.putIfAbsent(Normalizer.normalize(path, Normalizer.Form.NFC), path);
      if (other != null && !other.equals(path)) {
        problems.error(
            path,
            0,
            "file name differs from "
                + other
                + " only by Unicode normalisation (NFC/NFD), so the two are one file on macOS and"
                + " in URLs; rename or delete one (save names in NFC, the usual form)");
      }
    }
  }
}
