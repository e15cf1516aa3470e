package io.galley.export.store;

import io.galley.export.ExportProperties;
import io.galley.export.edition.AssetSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Asset bytes on disk, one file per sha256 under {@code stateDir/assets}; a cache of the topic. */
@Component
public class DirectoryAssetStore implements AssetSource {

  private final Path dir;
  private final Set<String> present = ConcurrentHashMap.newKeySet();

  /** A store under the service's state directory. */
  public DirectoryAssetStore(ExportProperties properties) {
    this.dir = properties.assetsDir();
  }

  /** Stores the bytes unless an asset with this hash is already stored. */
  public void put(String sha256, byte[] bytes) {
    requireHash(sha256);
    if (contains(sha256)) {
      return;
    }
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, sha256, ".tmp");
      Files.write(tmp, bytes);
      Files.move(
          tmp,
          dir.resolve(sha256),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      present.add(sha256);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store asset " + sha256, e);
    }
  }

  @Override
  public boolean contains(String sha256) {
    if (present.contains(sha256)) {
      return true;
    }
    if (sha256 != null
        && sha256.matches("[0-9a-f]{64}")
        && Files.isRegularFile(dir.resolve(sha256))) {
      present.add(sha256);
      return true;
    }
    return false;
  }

  @Override
  public Optional<byte[]> bytes(String sha256) {
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readAllBytes(dir.resolve(sha256)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read asset " + sha256, e);
    }
  }

  private static void requireHash(String sha256) {
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("asset key must be a sha256, got " + sha256);
    }
  }
}
