package io.galley.render.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.galley.events.BookMetadata;
import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.events.Digests;
import io.galley.events.EditionEvent;
import io.galley.events.EditionFailed;
import io.galley.events.EditionPublished;
import io.galley.events.RenderedChapter;
import io.galley.events.SourceDocument;
import io.galley.events.Topics;
import io.galley.kafka.TopicProgress;
import io.galley.observability.CommitTracing;
import io.galley.render.RenderProperties;
import io.galley.render.assets.AssetStore;
import io.galley.render.markdown.MarkdownConverter;
import io.galley.render.publishing.RenderPublisher;
import io.galley.render.site.SiteBuilder;
import io.galley.render.site.SiteLibrary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.core.KafkaAdmin;

/** The render build queue's loop survives any throwable from one build (issue 16, item 3). */
class RetryingBuildQueueTest {

  @TempDir Path dir;

  final List<EditionEvent> editions = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger errorsToThrow = new AtomicInteger();
  final AtomicInteger builds = new AtomicInteger();

  /** Records editions; throws an Error from the first chapters published while asked to. */
  final RenderPublisher publisher =
      new RenderPublisher() {
        @Override
        public void chapter(RenderedChapter chapter, String commit) {
          builds.incrementAndGet();
          if (errorsToThrow.getAndDecrement() > 0) {
            throw new OutOfMemoryError("simulated: one chapter too big");
          }
        }

        @Override
        public void retire(String bookId, java.util.List<String> editionIds) {}

        @Override
        public void edition(EditionEvent edition) {
          editions.add(edition);
        }
      };

  ManifestJoin join;
  RetryingBuildQueue worker;

  @BeforeEach
  void setUp() {
    AssetStore assets = new AssetStore(dir.resolve("assets"));
    join = new ManifestJoin();
    SiteLibrary library = new SiteLibrary(dir.resolve("sites"));
    ChapterCache cache = new ChapterCache(new MarkdownConverter(), new SimpleMeterRegistry());
    EditionBuildJob builder =
        new EditionBuildJob(join, cache, new SiteBuilder(library, assets), library, publisher);
    RenderProperties properties =
        new RenderProperties(
            null, null, null, null, false, null, null, null, null, 2, Duration.ofMillis(10), null);
    TopicProgress editions = new TopicProgress(new KafkaAdmin(Map.of()), Topics.EDITIONS);
    worker =
        new RetryingBuildQueue(join, builder, cache, editions, properties, CommitTracing.none());
  }

  @AfterEach
  void tearDown() {
    worker.destroy();
  }

  SourceDocument source(String docId, String text) {
    SourceDocument s =
        new SourceDocument(
            "b", docId, docId + ".md", "c", Digests.sha256Hex(text), Map.of(), text, 0, List.of());
    join.onSource(s);
    return s;
  }

  void submit(String commit, SourceDocument doc) {
    join.onManifest(
        new CommitIngested(
            "b",
            commit,
            null,
            "",
            "",
            Instant.parse("2026-02-02T00:00:00Z"),
            new BookMetadata("b", "B", null, null, null, null, null, null, null, null),
            List.of(new ChapterEntry(doc.docId(), doc.sha256(), "T")),
            List.of(),
            List.of(),
            List.of(),
            true,
            List.of()));
    worker.wake();
  }

  @Test
  void publishesEditionFailedAfterTheLastAttemptAndBuildsTheNextCommit() {
    submit("c1", source("../escape", "# A\n"));
    await().atMost(Duration.ofSeconds(20)).until(() -> !editions.isEmpty());
    assertThat(editions)
        .singleElement()
        .isInstanceOfSatisfying(
            EditionFailed.class,
            f -> {
              assertThat(f.commit()).isEqualTo("c1");
              assertThat(f.error()).isNotBlank();
            });
    submit("c2", source("intro", "# Intro\n"));
    await().atMost(Duration.ofSeconds(20)).until(() -> editions.size() == 2);
    assertThat(editions.get(1)).isInstanceOf(EditionPublished.class);
    assertThat(worker.problem()).isEmpty();
  }

  @Test
  void startsNoBuildWhilePausedForAHandOverAndBuildsOnceResumed() {
    worker.pause();
    submit("c1", source("intro", "# Intro\n"));
    worker.pause(); // returns once the worker has run what was queued, the wake-up included
    assertThat(editions).isEmpty();
    assertThat(join.pendingCount()).isEqualTo(1);

    worker.resume(false);
    await().atMost(Duration.ofSeconds(20)).until(() -> !editions.isEmpty());
    assertThat(editions).singleElement().isInstanceOf(EditionPublished.class);
  }

  @Test
  void survivesAnErrorFromOneBuildAndRetriesIt() {
    errorsToThrow.set(1);
    submit("c1", source("intro", "# Intro\n"));
    await().atMost(Duration.ofSeconds(20)).until(() -> !editions.isEmpty());
    assertThat(editions).singleElement().isInstanceOf(EditionPublished.class);
    assertThat(builds.get()).isEqualTo(2);
    assertThat(worker.problem()).isEmpty();
  }

  @Test
  void reportsAStoppedWorker() {
    worker.destroy();
    assertThat(worker.problem()).contains("render worker stopped");
  }
}
