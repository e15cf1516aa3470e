package io.galley.export.edition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A built edition file, kept on disk (a PDF of a long book is far larger than it is useful to hold
 * in heap); whoever stores it {@link #discard()}s it afterwards.
 *
 * @param file the file
 * @param pages the number of pages (PDF), else null
 */
public record BuiltEdition(Path file, Integer pages) {

  public BuiltEdition {
    Objects.requireNonNull(file, "file");
  }

  /** An edition built in memory, spilled to a temporary file. */
  public BuiltEdition(byte[] bytes, Integer pages) {
    this(spill(Objects.requireNonNull(bytes, "bytes")), pages);
  }

  /** The whole file (for small files and tests). */
  public byte[] bytes() {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The size of the file in bytes. */
  public long size() {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The sha256 of the file, hex, read as a stream. */
  public String sha256() {
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Deletes the file if it is still there (after it was stored or when the build failed). */
  public void discard() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }

  private static Path spill(byte[] bytes) {
    try {
      Path file = Files.createTempFile("galley-edition", ".tmp");
      Files.write(file, bytes);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a temporary edition file", e);
    }
  }
}
