package io.galley.export.downloads;

import io.galley.events.EditionFormat;
import io.galley.events.EditionPublished;
import io.galley.export.store.EditionCatalog;
import io.galley.export.store.EditionFileStore;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finds downloadable editions: published on {@code guide.editions.v1}, whose files were put in the
 * blob store before they were published, so any instance finds them whoever built them.
 */
@Component
class EditionFiles {

  private final EditionCatalog catalog;
  private final EditionFileStore store;

  EditionFiles(EditionCatalog catalog, EditionFileStore store) {
    this.catalog = catalog;
    this.store = store;
  }

  Optional<EditionPublished> latest(String bookId, EditionFormat format) {
    return catalog.latest(bookId, format);
  }

  Optional<EditionPublished> byId(String editionId, EditionFormat format) {
    return catalog.find(editionId).filter(e -> e.format() == format);
  }

  EditionFileStore store() {
    return store;
  }
}
