package io.galley.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content on local disk with the digests computed while it streamed there: a temp file the store
 * wrote (deleted on close), or a caller's file hashed in place (left alone).
 */
final class StagedBlob implements AutoCloseable {

  private static final int BUFFER = 64 * 1024;

  private final Path file;
  private final boolean owned;
  private final String sha256;
  private final byte[] md5;
  private final long size;

  private StagedBlob(Path file, boolean owned, String sha256, byte[] md5, long size) {
    this.file = file;
    this.owned = owned;
    this.sha256 = sha256;
    this.md5 = md5;
    this.size = size;
  }

  /**
   * Streams {@code content} into a new temp file in {@code dir}, hashing it, then fsyncs it.
   *
   * @param withMd5 whether to compute the MD5 too (S3 wants it; a directory does not, and it is a
   *     pass over the bytes: the search index of a large site is tens of MB)
   */
  static StagedBlob write(InputStream content, Path dir, boolean withMd5) throws IOException {
    Path temp = Files.createTempFile(dir, "blob-", ".part");
    try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      MessageDigest sha = sha256Digest();
      MessageDigest md5 = withMd5 ? md5Digest() : null;
      byte[] buffer = new byte[BUFFER];
      long size = 0;
      for (int n; (n = content.read(buffer)) != -1; ) {
        sha.update(buffer, 0, n);
        if (md5 != null) {
          md5.update(buffer, 0, n);
        }
        ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
        while (chunk.hasRemaining()) {
          out.write(chunk);
        }
        size += n;
      }
      out.force(true);
      return new StagedBlob(
          temp,
          true,
          HexFormat.of().formatHex(sha.digest()),
          md5 == null ? null : md5.digest(),
          size);
    } catch (IOException | RuntimeException | Error e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  /** Hashes a caller's file where it lies, with its MD5; closing does not delete it. */
  static StagedBlob hashInPlace(Path file) throws IOException {
    return hashInPlace(file, true);
  }

  /** Hashes a caller's file where it lies; closing does not delete it. */
  static StagedBlob hashInPlace(Path file, boolean withMd5) throws IOException {
    Digests digests = digest(file, withMd5);
    return new StagedBlob(file, false, digests.sha256(), digests.md5(), digests.size());
  }

  /**
   * Reads the file back and checks it still has the digest and size computed while it was written,
   * so a corrupted write is never published under the wrong address.
   */
  void verify() throws IOException {
    Digests actual = digest(file, false); // the SHA-256 and size decide; the MD5 adds nothing
    if (!actual.sha256().equals(sha256) || actual.size() != size) {
      throw new BlobIntegrityException(
          "staged blob "
              + file
              + " was written as sha256 "
              + sha256
              + " ("
              + size
              + " bytes) but reads back as "
              + actual.sha256()
              + " ("
              + actual.size()
              + " bytes)");
    }
  }

  Path file() {
    return file;
  }

  String sha256() {
    return sha256;
  }

  /** The MD5 of the content, when it was staged with one. */
  byte[] md5() {
    if (md5 == null) {
      throw new IllegalStateException("staged without an MD5");
    }
    return md5.clone();
  }

  long size() {
    return size;
  }

  @Override
  public void close() throws IOException {
    if (owned) {
      Files.deleteIfExists(file);
    }
  }

  private record Digests(String sha256, byte[] md5, long size) {}

  private static Digests digest(Path file, boolean withMd5) throws IOException {
    MessageDigest sha = sha256Digest();
    MessageDigest md5 = withMd5 ? md5Digest() : null;
    long size = 0;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[BUFFER];
      for (int n; (n = in.read(buffer)) != -1; ) {
        sha.update(buffer, 0, n);
        if (md5 != null) {
          md5.update(buffer, 0, n);
        }
        size += n;
      }
    }
    return new Digests(
        HexFormat.of().formatHex(sha.digest()), md5 == null ? null : md5.digest(), size);
  }

  static MessageDigest sha256Digest() {
    return digest("SHA-256");
  }

  private static MessageDigest md5Digest() {
    return digest("MD5");
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has " + algorithm, e);
    }
  }
}
