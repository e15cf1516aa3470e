package io.galley.ingest.book;

import io.galley.events.AssetRef;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An image of a book, with its bytes read when asked for: a commit whose images are known by blob
 * id reads only those it publishes.
 *
 * @param ref path (relative to the book folder), sha256 and media type
 * @param content supplies the image's bytes (the same bytes at every call)
 */
public record Asset(AssetRef ref, Supplier<byte[]> content) {

  public Asset {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(content, "content");
  }

  /** An asset whose bytes are at hand. */
  public Asset(AssetRef ref, byte[] bytes) {
    this(ref, held(Objects.requireNonNull(bytes, "bytes")));
  }

  private static Supplier<byte[]> held(byte[] bytes) {
    return () -> bytes;
  }

  /** The image's content. */
  public byte[] bytes() {
    return content.get();
  }
}
