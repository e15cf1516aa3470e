package io.galley.ingest;

import static org.awaitility.Awaitility.await;

import io.galley.events.CommitEvent;
import io.galley.events.EventJson;
import io.galley.events.Topics;
import io.galley.testsupport.KafkaBroker;
import io.galley.testsupport.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A commit to a local content repository is published at once with no webhook call, while the poll
 * interval is a minute: the repository's refs are watched. A real git repository and broker.
 */
@SpringBootTest(
    classes = IngestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.config.name=ingest-service", "galley.ingest.poll-interval=60s"})
class RefWatchIT {

  static TestRepo repo;
  static String bootstrap;
  static String bookId = "watched-" + Long.toHexString(System.nanoTime());
  static String first;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    Path dir = Files.createTempDirectory("galley-watch-it");
    repo = TestRepo.init(dir.resolve("content"));
    first =
        repo.write("book/book.yml", "id: " + bookId + "\ntitle: Watched\n")
            .write("book/SUMMARY.md", "# Watched\n\n- [One](one.md)\n")
            .write("book/one.md", "# One\n\nFirst text.\n")
            .commit("First");
    bootstrap = KafkaBroker.selected().bootstrapServers();
    registry.add("spring.kafka.bootstrap-servers", () -> bootstrap);
    registry.add("galley.ingest.repository", () -> repo.dir().toString());
    registry.add("galley.ingest.state-dir", () -> dir.resolve("state").toString());
    registry.add("galley.blob.directory", () -> dir.resolve("blobs").toString());
    registry.add("galley.ingest.instance", () -> "watch");
    registry.add("galley.ingest.group", () -> "watch-" + bookId);
  }

  private static void awaitPublished(String sha, Duration within) {
    await()
        .atMost(within)
        .until(
            () ->
                TopicReader.readAll(bootstrap, Topics.COMMITS).stream()
                    .filter(r -> bookId.equals(r.key()))
                    .map(r -> EventJson.fromBytes(r.value(), CommitEvent.class))
                    .anyMatch(e -> e.commit().equals(sha)));
  }

  @Test
  void aCommitIsPublishedLongBeforeTheNextPoll() {
    // the poll at start-up publishes the first commit; the next scheduled poll is a minute away
    awaitPublished(first, Duration.ofSeconds(60));
    for (int i = 2; i <= 3; i++) {
      String sha =
          repo.write("book/one.md", "# One\n\nText number " + i + ".\n").commit("Edit " + i);
      awaitPublished(sha, Duration.ofSeconds(15));
    }
  }
}
