package io.galley.blob;

import java.io.IOException;

/**
 * Thrown when the bytes written (or fetched) do not match the digest computed while streaming them:
 * the write is dropped, never published under a wrong name.
 */
public final class BlobIntegrityException extends IOException {

  /** An exception with a message that names the expected and the actual digest. */
  public BlobIntegrityException(String message) {
    super(message);
  }
}
