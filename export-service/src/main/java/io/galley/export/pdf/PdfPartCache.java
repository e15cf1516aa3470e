package io.galley.export.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The laid-out parts on disk, one folder per book, named by a hash of everything that decides their
 * bytes. After each build the parts no recent build used are deleted, so the cache stays about the
 * size of the book's latest editions.
 */
final class PdfPartCache {

  /** Parts used within this long stay, so concurrent or back-to-back builds keep theirs. */
  static final Duration KEEP = Duration.ofMinutes(10);

  private final Path root;
  private final Duration keep;

  PdfPartCache(Path root, Duration keep) {
    this.root = root;
    this.keep = keep;
  }

  Path file(String bookId, String key) {
    String folder = bookId.replaceAll("[^A-Za-z0-9._-]", "_");
    return root.resolve(folder).resolve(key + ".pdf");
  }

  /** The cached part, when it is complete (the sidecar is written last). */
  Optional<PdfPart> get(Path file) throws IOException {
    if (!Files.exists(file) || !Files.exists(PdfPart.sidecar(file))) {
      return Optional.empty();
    }
    PdfPart part = PdfPart.read(file);
    Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
    return Optional.of(part);
  }

  private static boolean stale(Path file, Instant cutoff) throws IOException {
    try {
      return !Files.getLastModifiedTime(file).toInstant().isAfter(cutoff);
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  /** Deletes the parts of this book's folder that are not in {@code used} and not recent. */
  void prune(Path folder, Set<Path> used) {
    Instant cutoff = Instant.now().minus(keep);
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        boolean part = name.endsWith(".pdf") && !used.contains(file);
        if ((part || name.endsWith(".tmp")) && stale(file, cutoff)) {
          Files.deleteIfExists(file);
          if (part) {
            Files.deleteIfExists(PdfPart.sidecar(file));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prune " + folder, e);
    }
  }
}
