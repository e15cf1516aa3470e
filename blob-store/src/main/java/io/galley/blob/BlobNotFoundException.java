package io.galley.blob;

import java.io.IOException;

/** Thrown when a blob is read that the store does not hold (never stored, or deleted). */
public final class BlobNotFoundException extends IOException {

  private final String sha256;

  /** An exception for the missing blob {@code sha256}. */
  public BlobNotFoundException(String sha256) {
    super("no blob " + sha256);
    this.sha256 = sha256;
  }

  /** The address that was asked for. */
  public String sha256() {
    return sha256;
  }
}
