package io.galley.export.downloads;

import io.galley.events.EditionFormat;
import io.galley.events.EditionPublished;
import io.galley.export.store.DirectoryEditionStore;
import io.galley.export.store.EditionCatalog;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Finds downloadable editions: published, and with their file in this node's store. */
@Component
class EditionFiles {

  private final EditionCatalog catalog;
  private final DirectoryEditionStore store;

  EditionFiles(EditionCatalog catalog, DirectoryEditionStore store) {
    this.catalog = catalog;
    this.store = store;
  }

  Optional<EditionPublished> latest(String bookId, EditionFormat format) {
    return catalog.all().stream()
        .filter(e -> e.bookId().equals(bookId) && e.format() == format)
        .filter(e -> store.find(e.editionId()).isPresent())
        .findFirst();
  }

  Optional<EditionPublished> byId(String editionId, EditionFormat format) {
    return store.find(editionId).filter(e -> e.format() == format);
  }

  DirectoryEditionStore store() {
    return store;
  }
}
