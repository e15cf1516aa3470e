package io.galley.export.downloads;

import io.galley.export.ExportProperties;
import io.galley.export.store.EditionCatalog;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/editions}: every published edition, HTML included, and every edition that failed
 * to build (state {@code failed} with its reason), newest first.
 */
@RestController
class EditionsApiController {

  private final EditionCatalog catalog;
  private final ExportProperties properties;

  EditionsApiController(EditionCatalog catalog, ExportProperties properties) {
    this.catalog = catalog;
    this.properties = properties;
  }

  @GetMapping("/api/editions")
  List<EditionView> editions() {
    return java.util.stream.Stream.concat(
            catalog.all().stream().map(e -> EditionView.of(e, properties.siteBaseUrl())),
            catalog.failures().stream().map(EditionView::of))
        .sorted(EditionView.NEWEST_FIRST)
        .toList();
  }
}
