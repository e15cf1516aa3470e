package io.galley.render.assets;

import io.galley.events.Digests;
import io.galley.render.RenderProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Image bytes on disk under {@code stateDir/assets/<sha256>}, written atomically. */
@Component
public class AssetStore {

  private static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");

  private final Path dir;

  /** A store under the service's state folder. */
  @Autowired
  public AssetStore(RenderProperties properties) {
    this(properties.stateDir().resolve("assets"));
  }

  /** A store in {@code dir}. */
  public AssetStore(Path dir) {
    this.dir = dir;
  }

  /**
   * Stores the bytes under their hash.
   *
   * @throws IllegalArgumentException when the bytes do not hash to {@code sha256}
   */
  public void put(String sha256, byte[] bytes) {
    String actual = Digests.sha256Hex(bytes);
    if (!actual.equals(sha256)) {
      throw new IllegalArgumentException(
          "asset key " + sha256 + " does not match the bytes' sha256 " + actual);
    }
    Path target = dir.resolve(sha256);
    if (Files.exists(target)) {
      return;
    }
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".incoming-", ".tmp");
      Files.write(tmp, bytes);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("could not store asset " + sha256, e);
    }
  }

  /** Whether the asset has arrived. */
  public boolean has(String sha256) {
    return SHA.matcher(sha256).matches() && Files.isRegularFile(dir.resolve(sha256));
  }

  /** The file of an asset that has arrived. */
  public Path path(String sha256) {
    if (!SHA.matcher(sha256).matches()) {
      throw new IllegalArgumentException("not a sha256: " + sha256);
    }
    return dir.resolve(sha256);
  }
}
