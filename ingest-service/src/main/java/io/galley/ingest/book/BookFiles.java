package io.galley.ingest.book;

import io.galley.events.Digests;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Read access to the files of one commit (a git tree), paths relative to the repository root. */
public interface BookFiles {

  /** Every file path (not folders), sorted. */
  List<String> paths();

  /** The size of a file in bytes, or -1 when absent. */
  long size(String path);

  /** The bytes of a file, if present. */
  Optional<byte[]> read(String path);

  /** Whether the path is a symbolic link; its bytes are then the link target. */
  boolean isSymlink(String path);

  /**
   * An id of the file's content (a git blob id), equal for equal content; empty when unknown, and
   * then nothing read from the file is cached.
   */
  default Optional<String> blobId(String path) {
    return Optional.empty();
  }

  /** Whether a file exists. */
  default boolean exists(String path) {
    return size(path) >= 0;
  }

  /** Files from a map of path to bytes, without symlinks; for tests and tools. */
  static BookFiles of(Map<String, byte[]> files) {
    TreeMap<String, byte[]> copy = new TreeMap<>(files);
    return new BookFiles() {
      @Override
      public List<String> paths() {
        return List.copyOf(copy.keySet());
      }

      @Override
      public long size(String path) {
        byte[] b = copy.get(path);
        return b == null ? -1 : b.length;
      }

      @Override
      public Optional<byte[]> read(String path) {
        return Optional.ofNullable(copy.get(path));
      }

      @Override
      public boolean isSymlink(String path) {
        return false;
      }

      @Override
      public Optional<String> blobId(String path) {
        return read(path).map(b -> "sha256:" + Digests.sha256Hex(b));
      }
    };
  }
}
