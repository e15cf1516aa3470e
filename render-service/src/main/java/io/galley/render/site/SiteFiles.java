package io.galley.render.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** The file operations of a site build; safe to call from several threads for different files. */
final class SiteFiles {

  private SiteFiles() {}

  /**
   * Hard-links (or, where links fail, copies) {@code relative} from the site {@code from} into
   * {@code root}; false if {@code from} does not have that file.
   */
  static boolean reuse(Path from, Path root, String relative) {
    try {
      Path source = inside(from, relative);
      if (!Files.isRegularFile(source)) {
        return false;
      }
      Path file = inside(root, relative);
      Files.createDirectories(file.getParent());
      try {
        Files.createLink(file, source);
      } catch (IOException | UnsupportedOperationException e) {
        Files.copy(source, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a file's bytes at {@code relative} under {@code root}. */
  static void write(Path root, String relative, byte[] bytes) {
    Path file = inside(root, relative);
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static Path inside(Path root, String relative) {
    Path file = root.resolve(relative).normalize();
    if (!file.startsWith(root)) {
      throw new IllegalArgumentException("chapter path leaves the site: " + relative);
    }
    return file;
  }
}
