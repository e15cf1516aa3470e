package io.galley.export.edition;

import java.util.Optional;

/** Image bytes by sha256, as stored from the assets topic. */
public interface AssetSource {

  /** The bytes of the asset, or empty when it has not arrived. */
  Optional<byte[]> bytes(String sha256);

  /** Whether the asset is present. */
  boolean contains(String sha256);
}
