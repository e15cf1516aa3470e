package io.galley.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;

import io.galley.events.CommitEvent;
import io.galley.events.CommitIngested;
import io.galley.events.CommitRejected;
import io.galley.events.EventJson;
import io.galley.events.Topics;
import io.galley.ingest.book.BookLoader;
import io.galley.testsupport.KafkaBroker;
import io.galley.testsupport.TestRepo;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * One book whose loading throws an Error (as an OutOfMemoryError of one giant file would) is
 * rejected with the reason, while the other book of the same commit, and later commits, are
 * ingested, and readiness stays UP. The real loader, git repository and broker, with the failure
 * injected into one folder only.
 */
@SpringBootTest(
    classes = IngestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=ingest-service",
      "galley.ingest.poll-interval=200ms",
      "galley.ingest.webhook-max-body=4KB"
    })
class BookIsolationIT {

  static TestRepo repo;
  static String bootstrap;

  @MockitoSpyBean BookLoader loader;
  @LocalServerPort int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    Path dir = Files.createTempDirectory("galley-isolation-it");
    repo = TestRepo.init(dir.resolve("content"));
    bootstrap = KafkaBroker.selected().bootstrapServers();
    registry.add("spring.kafka.bootstrap-servers", () -> bootstrap);
    registry.add("galley.ingest.repository", () -> repo.dir().toString());
    registry.add("galley.ingest.state-dir", () -> dir.resolve("state").toString());
    registry.add("galley.ingest.instance", () -> "isolation");
    registry.add("galley.ingest.group", () -> "isolation-" + System.nanoTime());
  }

  private static CommitEvent awaitEvent(String bookId, String sha) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                TopicReader.readAll(bootstrap, Topics.COMMITS).stream()
                    .filter(r -> bookId.equals(r.key()))
                    .map(r -> EventJson.fromBytes(r.value(), CommitEvent.class))
                    .filter(e -> e.commit().equals(sha))
                    .findFirst()
                    .orElse(null),
            e -> e != null);
  }

  @Test
  void oneBookThatThrowsNeverStopsTheOtherBookOrLaterCommits() throws Exception {
    String suffix = Long.toHexString(System.nanoTime());
    doThrow(new OutOfMemoryError("simulated: one book too big to read"))
        .when(loader)
        .load(any(), eq("a-bad"), any(), any());
    String first =
        repo.write("a-bad/book.yml", "id: bad-" + suffix + "\ntitle: Bad\n")
            .write("a-bad/one.md", "# One\n")
            .write("b-good/book.yml", "id: good-" + suffix + "\ntitle: Good\n")
            .write("b-good/one.md", "# One\n")
            .commit("two books");
    assertThat(awaitEvent("good-" + suffix, first)).isInstanceOf(CommitIngested.class);
    CommitEvent bad = awaitEvent("bad-" + suffix, first);
    assertThat(bad).isInstanceOf(CommitRejected.class);
    assertThat(((CommitRejected) bad).problems().get(0).toString())
        .startsWith("a-bad: the book could not be read (java.lang.OutOfMemoryError: simulated");

    String second = repo.write("b-good/two.md", "# Two\n").commit("a later commit");
    CommitEvent later = awaitEvent("good-" + suffix, second);
    assertThat(later).isInstanceOf(CommitIngested.class);
    assertThat(((CommitIngested) later).chapters()).hasSize(2);
    assertThat(get("/actuator/health/readiness")).contains("\"status\":\"UP\"");
  }

  @Test
  void refusesAChunkedWebhookBodyOverTheCap() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/git"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofInputStream(
                            () -> new ByteArrayInputStream(new byte[64 * 1024])))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("webhook bodies are read up to 4096 bytes");
  }

  private String get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
