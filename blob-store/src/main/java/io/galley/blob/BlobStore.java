package io.galley.blob;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Content-addressed storage for big bytes: a blob's address is the SHA-256 of its content.
 *
 * <p>Guarantees of every implementation: {@code put} streams (it never holds a whole object in
 * memory), checks that what was stored has the digest computed while streaming, and returns only
 * once the object is durable, so a caller may announce the returned {@link BlobRef} right after. A
 * reader never sees a partial object: an address either does not exist or holds the complete
 * content. Putting content that is already stored is a cheap no-op (no second upload) and returns
 * the stored reference, whose media type is the one recorded by the first put. Implementations are
 * thread-safe.
 */
public interface BlobStore extends AutoCloseable {

  /**
   * Stores the stream's content (read to its end, not closed).
   *
   * @throws BlobIntegrityException if what was written does not match what was read
   * @throws IllegalArgumentException if the media type is malformed
   */
  BlobRef put(InputStream content, String mediaType) throws IOException;

  /** Stores a file's content; the file is left in place. */
  default BlobRef put(Path file, String mediaType) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return put(in, mediaType);
    }
  }

  /**
   * Opens a blob for reading; the caller closes the stream.
   *
   * @throws BlobNotFoundException if there is no such blob
   */
  InputStream open(String sha256) throws IOException;

  /**
   * Opens a byte range of a blob (cut at its end; empty if it starts at or past the end).
   *
   * @throws BlobNotFoundException if there is no such blob
   */
  InputStream open(String sha256, ByteRange range) throws IOException;

  /** The stored blob's reference, or empty if there is no such blob. */
  Optional<BlobRef> stat(String sha256) throws IOException;

  /** Whether the blob is stored. */
  default boolean exists(String sha256) throws IOException {
    return stat(sha256).isPresent();
  }

  /**
   * Deletes a blob (for pruning); readers that already opened it may finish.
   *
   * @return whether there was such a blob
   */
  boolean delete(String sha256) throws IOException;

  /**
   * A URL from which anyone may GET the blob for the given time, if the store can sign one; empty
   * by default (a directory cannot).
   */
  default Optional<URI> presignedGetUrl(String sha256, Duration validity) {
    BlobRef.requireSha256(sha256);
    return Optional.empty();
  }

  /** Releases the store's clients; does nothing by default. */
  @Override
  default void close() {}
}
