package io.galley.render.assets;

import io.galley.blob.BlobNotFoundException;
import io.galley.blob.BlobRef;
import io.galley.blob.BlobStore;
import io.galley.blob.DirectoryBlobStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Images by sha256 in the shared blob store, where ingest put them before announcing the commit;
 * also the way into that store for the sites this service writes.
 */
@Component
public class AssetStore {

  private final BlobStore blobs;

  /** Images seen in the store; blobs never change, so a hit saves a stat. */
  private final Set<String> present = ConcurrentHashMap.newKeySet();

  /** Images in {@code blobs}. */
  @Autowired
  public AssetStore(BlobStore blobs) {
    this.blobs = blobs;
  }

  /** Images in a directory store in {@code dir} (tests, tools). */
  public AssetStore(Path dir) {
    this(directory(dir));
  }

  private static BlobStore directory(Path dir) {
    try {
      return new DirectoryBlobStore(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the blob store in " + dir, e);
    }
  }

  /** The blob store behind the images. */
  public BlobStore blobs() {
    return blobs;
  }

  /**
   * Stores the bytes, as ingest does (tests and tools).
   *
   * @throws IllegalArgumentException when the bytes do not hash to {@code sha256}
   */
  public void put(String sha256, byte[] bytes) {
    try {
      BlobRef ref = blobs.put(new ByteArrayInputStream(bytes), BlobRef.OCTET_STREAM);
      if (!ref.sha256().equals(sha256)) {
        throw new IllegalArgumentException(
            "asset key " + sha256 + " does not match the bytes' sha256 " + ref.sha256());
      }
      present.add(sha256);
    } catch (IOException e) {
      throw new UncheckedIOException("could not store asset " + sha256, e);
    }
  }

  /** Whether the store holds the image. */
  public boolean has(String sha256) {
    if (present.contains(sha256)) {
      return true;
    }
    try {
      boolean exists = sha256.matches("[0-9a-f]{64}") && blobs.exists(sha256);
      if (exists) {
        present.add(sha256);
      }
      return exists;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach the blob store for image " + sha256, e);
    }
  }

  /**
   * Copies the image to {@code target}.
   *
   * @throws IllegalStateException naming the image when the store does not hold it
   */
  public void copyTo(String sha256, String path, Path target) {
    try (InputStream in = blobs.open(sha256)) {
      Files.createDirectories(target.getParent());
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      present.add(sha256);
    } catch (BlobNotFoundException e) {
      throw new IllegalStateException(
          "image '" + path + "' (sha256 " + sha256 + ") is missing from the blob store", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read image " + sha256 + " from the blob store", e);
    }
  }
}
