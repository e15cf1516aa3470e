package io.galley.export.store;

import io.galley.blob.BlobNotFoundException;
import io.galley.blob.BlobRef;
import io.galley.blob.BlobStore;
import io.galley.export.edition.AssetSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Image bytes read from the blob store, where ingest put them before announcing the commit. */
@Component
public class BlobAssetSource implements AssetSource {

  private final BlobStore blobs;

  /** Images seen in the store; blobs never change, so a hit saves a stat. */
  private final Set<String> present = ConcurrentHashMap.newKeySet();

  /** A source over {@code blobs}. */
  public BlobAssetSource(BlobStore blobs) {
    this.blobs = blobs;
  }

  @Override
  public Optional<byte[]> bytes(String sha256) {
    if (!valid(sha256)) {
      return Optional.empty();
    }
    try (InputStream in = blobs.open(sha256)) {
      byte[] bytes = in.readAllBytes();
      present.add(sha256);
      return Optional.of(bytes);
    } catch (BlobNotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read image " + sha256 + " from the blob store", e);
    }
  }

  @Override
  public boolean contains(String sha256) {
    if (!valid(sha256)) {
      return false;
    }
    if (present.contains(sha256)) {
      return true;
    }
    try {
      boolean exists = blobs.exists(sha256);
      if (exists) {
        present.add(sha256);
      }
      return exists;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach the blob store for image " + sha256, e);
    }
  }

  private static boolean valid(String sha256) {
    try {
      BlobRef.requireSha256(sha256);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
