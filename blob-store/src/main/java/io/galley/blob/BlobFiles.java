package io.galley.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** File-system steps shared by the directory store and the cache. */
final class BlobFiles {

  private BlobFiles() {}

  /** The blob's key relative to a store's root: {@code ab/cd/<sha256>}. */
  static String key(String sha256) {
    BlobRef.requireSha256(sha256);
    return sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
  }

  /** Opens a byte range of a file; a missing file is reported as a missing blob. */
  static InputStream openRange(Path file, String sha256, ByteRange range) throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw new BlobNotFoundException(sha256);
    }
    try {
      long end = Math.min(range.end(), channel.size());
      long length = Math.max(0, end - range.offset());
      channel.position(Math.min(range.offset(), channel.size()));
      return new LimitedInputStream(Channels.newInputStream(channel), length);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Opens a whole file; a missing file is reported as a missing blob. */
  static InputStream open(Path file, String sha256) throws IOException {
    try {
      return Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new BlobNotFoundException(sha256);
    }
  }

  /** Flushes a directory's entries (a rename into it) to disk. */
  static void fsyncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // some file systems cannot open a directory for reading; the rename is still atomic there
    }
  }

  /** Writes a small file atomically: temp file, fsync, rename. */
  static void writeAtomically(Path target, byte[] bytes, Path stagingDir) throws IOException {
    Path temp = Files.createTempFile(stagingDir, "meta-", ".part");
    try {
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        out.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
