package io.galley.export.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.galley.blob.DirectoryBlobStore;
import io.galley.events.CommitIngested;
import io.galley.events.EditionEvent;
import io.galley.events.EditionFormat;
import io.galley.export.Books;
import io.galley.export.edition.BookContent;
import io.galley.export.edition.BuiltEdition;
import io.galley.export.edition.EditionBuilder;
import io.galley.export.edition.PipelineObserver;
import io.galley.export.store.EditionCatalog;
import io.galley.export.store.EditionFileStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hooks the edition history relies on: accepted, superseded, building and finished. */
class ObservedBuildsTest {

  @TempDir Path state;
  final List<String> seen = new CopyOnWriteArrayList<>();
  final CountDownLatch mayFinish = new CountDownLatch(1);

  final PipelineObserver observer =
      new PipelineObserver() {
        @Override
        public void accepted(CommitIngested m) {
          seen.add("accepted " + n(m));
        }

        @Override
        public void superseded(CommitIngested m) {
          seen.add("superseded " + n(m));
        }

        @Override
        public void building(CommitIngested m, EditionFormat format) {
          seen.add("building " + n(m) + " " + format);
        }

        @Override
        public void finished(EditionEvent outcome) {
          seen.add("finished " + Integer.parseInt(outcome.commit()) + " " + outcome.format());
        }
      };

  final EditionBuilder slow =
      new EditionBuilder() {
        @Override
        public EditionFormat format() {
          return EditionFormat.EPUB;
        }

        @Override
        public BuiltEdition build(BookContent book) throws java.io.IOException {
          try {
            mayFinish.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return new BuiltEdition(book.manifest().commit().getBytes(), null);
        }
      };

  @Test
  void reportsEveryManifestAndSkipsThoseANewerOneReplacedBeforeTheWorkerGotThem() throws Exception {
    EditionFileStore store = new EditionFileStore(new DirectoryBlobStore(state.resolve("blobs")));
    EditionBuildJob job =
        new EditionBuildJob(
            List.of(slow),
            store,
            new EditionCatalog(),
            e -> {},
            "v1",
            observer,
            io.galley.export.edition.BuildBudget.DEFAULTS);
    try (CoalescingBuildQueue queue =
        new CoalescingBuildQueue(job::build, Executors.newSingleThreadExecutor(), observer)) {
      ManifestJoin join = new ManifestJoin(Books.assets(), queue, observer);
      Books.rendered(manifest(1)).forEach(join::onRendered);
      join.onManifest(manifest(1), 0, 1);
      await().atMost(5, TimeUnit.SECONDS).until(() -> seen.contains("building 1 EPUB"));
      join.onManifest(manifest(2), 0, 2);
      join.onManifest(manifest(3), 0, 3);
      join.onManifest(manifest(2), 0, 2);
      mayFinish.countDown();
      await().atMost(5, TimeUnit.SECONDS).until(() -> seen.contains("finished 3 EPUB"));
    }
    assertThat(seen)
        .containsExactly(
            "accepted 1",
            "building 1 EPUB",
            "accepted 2",
            "accepted 3",
            "superseded 2",
            "finished 1 EPUB",
            "building 3 EPUB",
            "finished 3 EPUB");
  }

  private static int n(CommitIngested m) {
    return Integer.parseInt(m.commit());
  }

  private static CommitIngested manifest(int n) {
    return Books.goGuide(
        "go-guide",
        String.format("%040d", n),
        Instant.parse("2026-03-01T10:00:00Z").plusSeconds(n));
  }
}
