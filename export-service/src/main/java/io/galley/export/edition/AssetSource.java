package io.galley.export.edition;

import java.util.Optional;

/** Image bytes by sha256, as ingest stored them in the blob store. */
public interface AssetSource {

  /** The bytes of the asset, or empty when the store does not hold it. */
  Optional<byte[]> bytes(String sha256);

  /** Whether the store holds the asset. */
  boolean contains(String sha256);
}
