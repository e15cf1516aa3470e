package io.galley.export.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.EditionEvent;
import io.galley.events.EditionFailed;
import io.galley.events.EditionFormat;
import io.galley.events.EditionIds;
import io.galley.events.EditionPublished;
import io.galley.export.Books;
import io.galley.export.ExportProperties;
import io.galley.export.edition.BookContent;
import io.galley.export.edition.BuiltEdition;
import io.galley.export.edition.EditionBuilder;
import io.galley.export.store.DirectoryEditionStore;
import io.galley.export.store.EditionCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditionBuildJobTest {

  @TempDir Path state;
  final List<EditionEvent> published = new ArrayList<>();
  final AtomicInteger builds = new AtomicInteger();
  boolean failing;

  final EditionBuilder fake =
      new EditionBuilder() {
        @Override
        public EditionFormat format() {
          return EditionFormat.EPUB;
        }

        @Override
        public BuiltEdition build(BookContent book) throws IOException {
          builds.incrementAndGet();
          if (failing) {
            throw new IOException("broken chapter");
          }
          return new BuiltEdition(book.manifest().commit().getBytes(), null);
        }
      };

  @Test
  void storesAndPublishesAnEditionAndDoesNotRebuildItAfterARestart() throws Exception {
    BookContent book = Books.content();
    job().build(book);
    String id = EditionIds.of(book.manifest(), Books.RENDERER, "v1", EditionFormat.EPUB);
    assertThat(published)
        .singleElement()
        .isInstanceOf(EditionPublished.class)
        .extracting(EditionEvent::editionId)
        .isEqualTo(id);
    assertThat(state.resolve("editions/" + id + ".epub")).exists();
    assertThat(Files.list(state.resolve("editions"))).noneMatch(p -> p.toString().endsWith(".tmp"));

    published.clear();
    job().build(book);
    assertThat(builds).hasValue(1);
    assertThat(published).as("already in the store and on the topic").isEmpty();
  }

  @Test
  void publishesAFailureAndKeepsServingThePreviousEdition() {
    ExportProperties properties = new ExportProperties(state, 3, "v1", null, null);
    DirectoryEditionStore store = new DirectoryEditionStore(properties);
    EditionCatalog catalog = new EditionCatalog(store);
    EditionBuildJob job = new EditionBuildJob(List.of(fake), store, catalog, published::add, "v1");
    job.build(Books.content());
    failing = true;
    var later = Books.goGuide("go-guide", "f".repeat(40), Instant.parse("2026-06-01T00:00:00Z"));
    job.build(new BookContent(later, Books.rendered(later), Books.assets()));
    assertThat(published.get(1)).isInstanceOf(EditionFailed.class);
    assertThat(((EditionFailed) published.get(1)).error()).contains("broken chapter");
    assertThat(catalog.latest("go-guide", EditionFormat.EPUB))
        .get()
        .extracting(EditionPublished::commit)
        .isEqualTo(Books.goGuide().commit());
  }

  private EditionBuildJob job() {
    ExportProperties properties = new ExportProperties(state, 3, "v1", null, null);
    DirectoryEditionStore store = new DirectoryEditionStore(properties);
    return new EditionBuildJob(
        List.of(fake), store, new EditionCatalog(store), published::add, "v1");
  }
}
