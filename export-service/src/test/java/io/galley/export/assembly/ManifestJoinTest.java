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
    join.onManifest(manifest, 0, 1);
    join.onRendered(chapters.get(0));
    assertThat(built).isEmpty();
    // the images are in the blob store before a manifest is announced: the join does not wait
    join.onRendered(chapters.get(1));
    await().atMost(5, TimeUnit.SECONDS).until(() -> built.size() == 1);
    join.onManifest(manifest, 0, 1);
    join.onRendered(chapters.get(1));
    assertThat(built).containsExactly(manifest.commit());
  }

  @Test
  void buildsOnlyTheNewestManifestThatArrivedDuringABuild() throws Exception {
    stored.putAll(Books.assetBytes());
    Books.rendered(manifest(1)).forEach(join::onRendered);
    join.onManifest(manifest(1), 0, 1);
    assertThat(firstBuildStarted.await(5, TimeUnit.SECONDS)).isTrue();
    for (int i = 2; i <= 5; i++) {
      join.onManifest(manifest(i), 0, i);
    }
    firstBuildMayFinish.countDown();
    await().atMost(5, TimeUnit.SECONDS).until(() -> built.size() == 2);
    assertThat(built).containsExactly(manifest(1).commit(), manifest(5).commit());
    join.onManifest(manifest(3), 0, 3);
    executor.submit(() -> {}).get(5, TimeUnit.SECONDS);
    assertThat(built).hasSize(2);
  }

  @Test
  void releasesTheBooksOfRevokedPartitionsAndBuildsThemAgainWhenTheyComeBack() {
    firstBuildMayFinish.countDown();
    stored.putAll(Books.assetBytes());
    CommitIngested manifest = manifest(1);
    join.onManifest(manifest, 2, 7); // waits for its chapters
    assertThat(join.books()).containsExactly("go-guide");

    assertThat(join.release(java.util.Set.of(0, 1))).isEmpty();
    assertThat(join.release(java.util.Set.of(2))).containsExactly("go-guide");
    assertThat(join.books()).isEmpty();
    Books.rendered(manifest).forEach(c -> join.onRendered(c, 2));
    assertThat(built).isEmpty(); // the manifest went with the book

    // assigned again, the partition is replayed: the same offsets are new to the join
    join.onManifest(manifest, 2, 7);
    await().atMost(5, TimeUnit.SECONDS).until(() -> built.size() == 1);
  }

  @Test
  void keepsOnlyTheNewestChaptersOnceAManifestIsHandedOver() {
    firstBuildMayFinish.countDown();
    stored.putAll(Books.assetBytes());
    CommitIngested first = manifest(1);
    List<RenderedChapter> chapters = Books.rendered(first);
    chapters.forEach(c -> join.onRendered(c, 0));
    join.onManifest(first, 0, 1);
    await().atMost(5, TimeUnit.SECONDS).until(() -> built.size() == 1);
    int perBuild = join.renderedCount();
    assertThat(perBuild).isEqualTo(chapters.size());
    for (int i = 0; i < 20; i++) { // every chapter re-rendered, then its manifest
      for (RenderedChapter c : chapters) {
        join.onRendered(
            new RenderedChapter(
                c.bookId(),
                c.docId(),
                Integer.toString(i) + c.sourceSha256().substring(2),
                c.rendererVersion(),
                c.title(),
                c.xhtml(),
                c.headings(),
                c.docRefs(),
                c.assets(),
                c.warnings()),
            0);
      }
    }
    assertThat(join.renderedCount()).isEqualTo(perBuild);
  }

  @Test
  void aPausedQueueLetsTheRunningBuildFinishAndStartsNoOtherUntilResumed() throws Exception {
    stored.putAll(Books.assetBytes());
    Books.rendered(manifest(1)).forEach(join::onRendered);
    join.onManifest(manifest(1), 0, 1);
    assertThat(firstBuildStarted.await(5, TimeUnit.SECONDS)).isTrue();
    // a rebalance begins while a build runs: the pause waits for it, within its bound
    assertThat(queue.pause(java.time.Duration.ofMillis(200))).isFalse();
    firstBuildMayFinish.countDown();
    assertThat(queue.pause(java.time.Duration.ofSeconds(5))).isTrue();
    assertThat(built).containsExactly(manifest(1).commit());

    join.onManifest(manifest(2), 0, 2); // ready, but the queue is paused
    executor.submit(() -> {}).get(5, TimeUnit.SECONDS);
    assertThat(built).hasSize(1);

    queue.resume();
    await().atMost(5, TimeUnit.SECONDS).until(() -> built.size() == 2);
    assertThat(built).containsExactly(manifest(1).commit(), manifest(2).commit());
  }

  @Test
  void holdsOneWaitingManifestPerBookHoweverLongTheHistoryReplayed() {
    firstBuildMayFinish.countDown();
    stored.putAll(Books.assetBytes());
    for (int i = 1; i <= 200; i++) { // a replay: the commits come before their chapters
      join.onManifest(manifest(i), 0, i);
    }
    assertThat(join.waitingCount()).isEqualTo(1);
    Books.rendered(manifest(200)).forEach(c -> join.onRendered(c, 0));
    await().atMost(5, TimeUnit.SECONDS).until(() -> built.size() == 1);
    assertThat(built).containsExactly(manifest(200).commit());
    assertThat(join.waitingCount()).isZero();
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
