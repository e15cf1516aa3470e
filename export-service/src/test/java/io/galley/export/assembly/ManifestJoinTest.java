package io.galley.export.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.galley.events.CommitIngested;
import io.galley.events.RenderedChapter;
import io.galley.export.Books;
import io.galley.export.edition.AssetSource;
import io.galley.export.edition.BookContent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ManifestJoinTest {

  final Map<String, byte[]> stored = new HashMap<>();
  final AssetSource assets =
      new AssetSource() {
        @Override
        public Optional<byte[]> bytes(String sha256) {
          return Optional.ofNullable(stored.get(sha256));
        }

        @Override
        public boolean contains(String sha256) {
          return stored.containsKey(sha256);
        }
      };
  final List<String> built = new CopyOnWriteArrayList<>();
  final CountDownLatch firstBuildMayFinish = new CountDownLatch(1);
  final CountDownLatch firstBuildStarted = new CountDownLatch(1);
  final ExecutorService executor = Executors.newSingleThreadExecutor();
  final CoalescingBuildQueue queue = new CoalescingBuildQueue(this::build, executor);
  final ManifestJoin join = new ManifestJoin(assets, queue);

  @AfterEach
  void stop() throws InterruptedException {
    firstBuildMayFinish.countDown();
    queue.close();
  }

  @Test
  void waitsForEveryChapterInAnyOrderButNeverForImages() {
    CommitIngested manifest = manifest(1);
    firstBuildMayFinish.countDown();
    List<RenderedChapter> chapters = Books.rendered(manifest);
    join.onRendered(chapters.get(2));
    join.onManifest(manifest);
    join.onRendered(chapters.get(0));
    assertThat(built).isEmpty();
    // the images are in the blob store before a manifest is announced: the join does not wait
    join.onRendered(chapters.get(1));
    await().atMost(5, TimeUnit.SECONDS).until(() -> built.size() == 1);
    join.onManifest(manifest);
    join.onRendered(chapters.get(1));
    assertThat(built).containsExactly(manifest.commit());
  }

  @Test
  void buildsOnlyTheNewestManifestThatArrivedDuringABuild() throws Exception {
    stored.putAll(Books.assetBytes());
    Books.rendered(manifest(1)).forEach(join::onRendered);
    join.onManifest(manifest(1));
    assertThat(firstBuildStarted.await(5, TimeUnit.SECONDS)).isTrue();
    for (int i = 2; i <= 5; i++) {
      join.onManifest(manifest(i));
    }
    firstBuildMayFinish.countDown();
    await().atMost(5, TimeUnit.SECONDS).until(() -> built.size() == 2);
    assertThat(built).containsExactly(manifest(1).commit(), manifest(5).commit());
    join.onManifest(manifest(3));
    executor.submit(() -> {}).get(5, TimeUnit.SECONDS);
    assertThat(built).hasSize(2);
  }

  private void build(BookContent book) {
    firstBuildStarted.countDown();
    try {
      firstBuildMayFinish.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    built.add(book.manifest().commit());
  }

  private static CommitIngested manifest(int n) {
    return Books.goGuide(
        "go-guide",
        String.format("%040d", n),
        Instant.parse("2026-03-01T10:00:00Z").plusSeconds(n));
  }
}
