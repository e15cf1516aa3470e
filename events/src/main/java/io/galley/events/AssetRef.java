package io.galley.events;

import java.util.Objects;

/**
 * An image a document refers to, its bytes stored in the blob store under its sha256 (not on a
 * topic).
 *
 * @param path the asset's path relative to the book folder
 * @param sha256 lowercase hex SHA-256 of the bytes; the blob's address in the store
 * @param mediaType for example {@code image/png}
 */
public record AssetRef(String path, String sha256, String mediaType) {

  public AssetRef {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(mediaType, "mediaType");
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits, got " + sha256);
    }
  }
}
