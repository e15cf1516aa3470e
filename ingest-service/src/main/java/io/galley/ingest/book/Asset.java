package io.galley.ingest.book;

import io.galley.events.AssetRef;
import java.util.Objects;

/**
 * An image of a book with its bytes.
 *
 * @param ref path (relative to the book folder), sha256 and media type
 * @param bytes the image's content
 */
public record Asset(AssetRef ref, byte[] bytes) {

  public Asset {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(bytes, "bytes");
  }
}
