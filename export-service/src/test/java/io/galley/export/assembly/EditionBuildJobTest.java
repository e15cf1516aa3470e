package io.galley.export.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.blob.BlobRef;
import io.galley.blob.BlobStore;
import io.galley.blob.ByteRange;
import io.galley.blob.DirectoryBlobStore;
import io.galley.events.EditionEvent;
import io.galley.events.EditionFailed;
import io.galley.events.EditionFormat;
import io.galley.events.EditionIds;
import io.galley.events.EditionPublished;
import io.galley.export.Books;
import io.galley.export.edition.BookContent;
import io.galley.export.edition.BuiltEdition;
import io.galley.export.edition.EditionBuilder;
import io.galley.export.store.BlobAssetSource;
import io.galley.export.store.EditionCatalog;
import io.galley.export.store.EditionFileStore;
import java.io.IOException;
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
    EditionFileStore store = store();
    List<Boolean> storedWhenPublished = new ArrayList<>();
    EditionBuildJob first =
        new EditionBuildJob(
            List.of(fake),
            store,
            new EditionCatalog(),
            e -> {
              published.add(e);
              storedWhenPublished.add(stored(store, e));
            },
            "v1");
    first.build(book);
    assertThat(builds).hasValue(1);
    String id = EditionIds.of(book.manifest(), Books.RENDERER, "v1", EditionFormat.EPUB);
    assertThat(published)
        .singleElement()
        .isInstanceOf(EditionPublished.class)
        .extracting(EditionEvent::editionId)
        .isEqualTo(id);
    assertThat(storedWhenPublished)
        .as("the file was durable before the edition was announced")
        .containsExactly(true);

    // a restarted (or another) instance learns the edition from guide.editions.v1
    EditionCatalog replayed = new EditionCatalog();
    replayed.add((EditionPublished) published.get(0));
    published.clear();
    new EditionBuildJob(List.of(fake), store, replayed, published::add, "v1").build(book);
    assertThat(builds).hasValue(1);
    assertThat(published).as("already in the store and on the topic").isEmpty();
  }

  @Test
  void anEditionWhoseFileCannotBeStoredIsNeverPublishedOrListed() throws Exception {
    EditionCatalog catalog = new EditionCatalog();
    EditionFileStore refusing = new EditionFileStore(new RefusingStore(blobs()));
    new EditionBuildJob(List.of(fake), refusing, catalog, published::add, "v1")
        .build(Books.content());
    assertThat(published)
        .singleElement()
        .isInstanceOfSatisfying(
            EditionFailed.class, f -> assertThat(f.error()).contains("bucket unreachable"));
    assertThat(catalog.all()).isEmpty();
  }

  @Test
  void anImageMissingFromTheBlobStoreFailsTheEditionWithTheReason() throws Exception {
    BlobAssetSource empty = new BlobAssetSource(blobs());
    var m = Books.goGuide();
    job().build(new BookContent(m, Books.rendered(m), empty));
    assertThat(builds).as("nothing is built without its images").hasValue(0);
    assertThat(published)
        .singleElement()
        .isInstanceOfSatisfying(
            EditionFailed.class,
            f ->
                assertThat(f.error())
                    .contains("missing from the blob store", m.assets().get(0).sha256()));
  }

  private DirectoryBlobStore blobs() throws IOException {
    return new DirectoryBlobStore(state.resolve("blobs"));
  }

  private EditionFileStore store() throws IOException {
    return new EditionFileStore(blobs());
  }

  private static boolean stored(EditionFileStore store, EditionEvent e) {
    try {
      return e instanceof EditionPublished p && store.contains(p);
    } catch (IOException x) {
      throw new java.io.UncheckedIOException(x);
    }
  }

  /** A real directory store whose puts fail, as an unreachable bucket's would. */
  private record RefusingStore(BlobStore store) implements BlobStore {
    @Override
    public BlobRef put(java.io.InputStream content, String mediaType) throws IOException {
      throw new IOException("bucket unreachable");
    }

    @Override
    public BlobRef put(Path file, String mediaType) throws IOException {
      throw new IOException("bucket unreachable");
    }

    @Override
    public java.io.InputStream open(String sha256) throws IOException {
      return store.open(sha256);
    }

    @Override
    public java.io.InputStream open(String sha256, ByteRange range) throws IOException {
      return store.open(sha256, range);
    }

    @Override
    public java.util.Optional<BlobRef> stat(String sha256) throws IOException {
      return store.stat(sha256);
    }

    @Override
    public boolean delete(String sha256) throws IOException {
      return store.delete(sha256);
    }
  }

  @Test
  void publishesAFailureAndKeepsServingThePreviousEdition() throws Exception {
    EditionFileStore store = store();
    EditionCatalog catalog = new EditionCatalog();
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
  void aBookOverItsImageBudgetFailsWithThePreciseReasonAndTheNextCommitBuilds() throws Exception {
    EditionFileStore store = store();
    EditionBuildJob job =
        new EditionBuildJob(
            List.of(fake),
            store,
            new EditionCatalog(),
            published::add,
            "v1",
            io.galley.export.edition.PipelineObserver.NONE,
            io.galley.export.edition.Budgets.of("max-image-pixels=1000"));
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
    try {
      return new EditionBuildJob(
          List.of(fake), store(), new EditionCatalog(), published::add, "v1");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
