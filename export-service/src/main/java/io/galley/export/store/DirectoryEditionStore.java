package io.galley.export.store;

import io.galley.events.EditionEvent;
import io.galley.events.EditionPublished;
import io.galley.events.EventJson;
import io.galley.export.ExportProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Built editions on disk under {@code stateDir/editions}: {@code <editionId>.pdf|.epub} plus a
 * {@code <editionId>.json} with the published record, each written atomically (the JSON last).
 */
@Component
public class DirectoryEditionStore {

  private final Path dir;

  /** A store under the service's state directory. */
  public DirectoryEditionStore(ExportProperties properties) {
    this.dir = properties.editionsDir();
  }

  /** The file name of an edition: {@code <editionId>.<format in lower case>}. */
  public static String fileName(EditionPublished edition) {
    return edition.editionId() + "." + edition.format().name().toLowerCase(Locale.ROOT);
  }

  /** Stores the file, then its record. */
  public void put(EditionPublished edition, byte[] bytes) {
    try {
      Files.createDirectories(dir);
      write(dir.resolve(fileName(edition)), bytes);
      write(dir.resolve(edition.editionId() + ".json"), EventJson.toBytes(edition));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store edition " + edition.editionId(), e);
    }
  }

  /** Stores the file by moving {@code file} into the store, then its record. */
  public void put(EditionPublished edition, Path file) {
    try {
      Files.createDirectories(dir);
      Path target = dir.resolve(fileName(edition));
      Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
      try {
        Files.move(file, tmp, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      write(dir.resolve(edition.editionId() + ".json"), EventJson.toBytes(edition));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store edition " + edition.editionId(), e);
    }
  }

  /** The stored record of an edition whose file is present. */
  public Optional<EditionPublished> find(String editionId) {
    if (!editionId.matches("[0-9a-f]{32}")) {
      return Optional.empty();
    }
    Path json = dir.resolve(editionId + ".json");
    try {
      if (!Files.isRegularFile(json)) {
        return Optional.empty();
      }
      EditionEvent event = EventJson.fromBytes(Files.readAllBytes(json), EditionEvent.class);
      return event instanceof EditionPublished p && Files.isRegularFile(dir.resolve(fileName(p)))
          ? Optional.of(p)
          : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The file of a stored edition. */
  public Path file(EditionPublished edition) {
    return dir.resolve(fileName(edition));
  }

  /** Every stored edition. */
  public List<EditionPublished> all() {
    List<EditionPublished> editions = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return editions;
    }
    try (Stream<Path> files = Files.list(dir)) {
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .sorted()
          .forEach(n -> find(n.substring(0, n.length() - 5)).ifPresent(editions::add));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    return editions;
  }

  private static void write(Path target, byte[] bytes) throws IOException {
    Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
    Files.write(tmp, bytes);
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
