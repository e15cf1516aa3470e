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
  Throwable thrown;

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
          if (thrown instanceof Error error) {
            throw error;
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
    ExportProperties properties = new ExportProperties(state, 3, "v1", null, null, null, null, 0);
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

  @Test
  void retriesAFailureABoundedNumberOfTimesThenPublishesItWithTheReason() {
    failing = true;
    job().build(Books.content());
    assertThat(builds).hasValue(2);
    assertThat(published)
        .singleElement()
        .isInstanceOfSatisfying(
            EditionFailed.class,
            f -> assertThat(f.error()).contains("failed 2 times", "broken chapter"));
  }

  @Test
  void anErrorThrownByOneBuildIsPublishedAsAFailureAndTheNextCommitBuilds() {
    EditionBuildJob job = job();
    thrown = new AssertionError("builder bug");
    job.build(Books.content());
    thrown = null;
    var later = Books.goGuide("go-guide", "f".repeat(40), Instant.parse("2026-06-01T00:00:00Z"));
    job.build(new BookContent(later, Books.rendered(later), Books.assets()));
    assertThat(published).hasSize(2);
    assertThat(published.get(0))
        .isInstanceOfSatisfying(
            EditionFailed.class, f -> assertThat(f.error()).contains("builder bug"));
    assertThat(published.get(1)).isInstanceOf(EditionPublished.class);
  }

  @Test
  void aBookOverItsImageBudgetFailsWithThePreciseReasonAndTheNextCommitBuilds() {
    ExportProperties properties = new ExportProperties(state, 3, "v1", null, null, null, null, 0);
    DirectoryEditionStore store = new DirectoryEditionStore(properties);
    EditionBuildJob job =
        new EditionBuildJob(
            List.of(fake),
            store,
            new EditionCatalog(store),
            published::add,
            "v1",
            io.galley.export.edition.PipelineObserver.NONE,
            new io.galley.export.edition.BuildBudget(0, null, 0, 0, 1000, 0, 0, 0, 0));
    job.build(Books.content());
    assertThat(builds).as("over budget: no builder runs").hasValue(0);
    assertThat(published)
        .singleElement()
        .isInstanceOfSatisfying(
            EditionFailed.class,
            f ->
                assertThat(f.error())
                    .isEqualTo(
                        "image 'images/diagram.png' (in chapter 'intro') is 40 × 30 = 1,200"
                            + " pixels, over galley.export.build.max-image-pixels (1,000)"));

    var later = Books.goGuide("go-guide", "f".repeat(40), Instant.parse("2026-06-01T00:00:00Z"));
    List<io.galley.events.RenderedChapter> withoutImages =
        Books.rendered(later).stream()
            .map(
                c ->
                    new io.galley.events.RenderedChapter(
                        c.bookId(),
                        c.docId(),
                        c.sourceSha256(),
                        c.rendererVersion(),
                        c.title(),
                        c.xhtml().replaceAll("<img[^>]*>", ""),
                        c.headings(),
                        c.docRefs(),
                        List.of(),
                        c.warnings()))
            .toList();
    var laterNoCover =
        new io.galley.events.CommitIngested(
            later.bookId(),
            later.commit(),
            later.parent(),
            later.author(),
            later.message(),
            later.committedAt(),
            new io.galley.events.BookMetadata(
                later.book().id(),
                later.book().title(),
                later.book().subtitle(),
                later.book().authors(),
                later.book().language(),
                later.book().publisher(),
                later.book().rights(),
                later.book().identifier(),
                null,
                later.book().pageSize()),
            later.chapters(),
            later.assets(),
            later.changed(),
            later.deleted(),
            later.snapshot(),
            later.warnings());
    job.build(new BookContent(laterNoCover, withoutImages, Books.assets()));
    assertThat(published.get(1)).isInstanceOf(EditionPublished.class);
  }

  private EditionBuildJob job() {
    ExportProperties properties = new ExportProperties(state, 3, "v1", null, null, null, null, 0);
    DirectoryEditionStore store = new DirectoryEditionStore(properties);
    return new EditionBuildJob(
        List.of(fake), store, new EditionCatalog(store), published::add, "v1");
  }
}
