package io.galley.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.galley.ingest.commits.IngestRole;
import io.galley.testsupport.KafkaBroker;
import io.galley.testsupport.TestRepo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two ingest instances of one group on one repository and a real broker: one publishes, the other
 * stands by and serves what the first published; every commit is published exactly once, also
 * across a takeover when the active instance stops.
 */
class IngestTwinIT {

  private final String bootstrap = KafkaBroker.selected().bootstrapServers();
  private final String group = "twin-" + Long.toHexString(System.nanoTime());
  private final String bookId = group + "-book";
  private final List<ConfigurableApplicationContext> running = new ArrayList<>();
  private Path dir;
  private TestRepo repo;

  @AfterEach
  void stopAll() {
    running.forEach(ConfigurableApplicationContext::close);
  }

  @Test
  void publishesEachCommitOnceAndTheStandbyTakesOverWhenTheActiveStops() throws Exception {
    dir = Files.createTempDirectory("galley-twin-it");
    repo = TestRepo.init(dir.resolve("content"));
    List<String> made = new ArrayList<>();
    made.add(commit(0));
    ConfigurableApplicationContext a = start("a");
    ConfigurableApplicationContext b = start("b");
    await().atMost(Duration.ofSeconds(60)).until(() -> published().containsKey(made.get(0)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> role(a).active() != role(b).active()); // exactly one of them publishes
    for (int i = 1; i <= 4; i++) {
      made.add(commit(i));
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> published().keySet().containsAll(made));

    ConfigurableApplicationContext active = role(a).active() ? a : b;
    ConfigurableApplicationContext standby = active == a ? b : a;
    // the standby serves what the active one published, read from the topic
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(get(standby, "/api/commits")).contains(made.get(made.size() - 1)));
    HttpResponse<String> hook = post(standby, "/webhooks/git", "{}");
    assertThat(hook.statusCode()).isEqualTo(202);
    assertThat(hook.body()).contains("\"status\":\"standby\"");

    made.add(commit(5)); // possibly mid-publication when the stop comes: it finishes first
    long stopped = System.nanoTime();
    active.close();
    made.add(commit(6));
    await().atMost(Duration.ofSeconds(15)).until(() -> published().keySet().containsAll(made));
    System.out.printf(
        "takeover after a clean stop: commit published %d ms after the active instance stopped%n",
        (System.nanoTime() - stopped) / 1_000_000);
    assertThat(role(standby).active()).isTrue();

    assertThat(published())
        .containsOnlyKeys(made)
        .allSatisfy((sha, count) -> assertThat(count).isOne());
  }

  private String commit(int i) {
    return repo.write("book/book.yml", "id: " + bookId + "\ntitle: Twins\n")
        .write("book/intro.md", "# Intro\n\nEdit " + i + ".\n")
        .commit("edit " + i);
  }

  private Map<String, Long> published() {
    return TopicReader.ingestedCommits(bootstrap, bookId);
  }

  private ConfigurableApplicationContext start(String instance) {
    ConfigurableApplicationContext context =
        IngestApplication.builder()
            .run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--galley.ingest.repository=" + repo.dir(),
                "--galley.ingest.state-dir=" + dir.resolve("state-" + instance),
                "--galley.ingest.instance=" + instance,
                "--galley.ingest.group=" + group,
                "--galley.ingest.poll-interval=200ms");
    running.add(context);
    return context;
  }

  private static IngestRole role(ConfigurableApplicationContext context) {
    return context.getBean(IngestRole.class);
  }

  private static String get(ConfigurableApplicationContext context, String path) throws Exception {
    return send(context, HttpRequest.newBuilder(uri(context, path)).build()).body();
  }

  private static HttpResponse<String> post(
      ConfigurableApplicationContext context, String path, String body) throws Exception {
    return send(
        context,
        HttpRequest.newBuilder(uri(context, path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static HttpResponse<String> send(
      ConfigurableApplicationContext context, HttpRequest request) throws Exception {
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(ConfigurableApplicationContext context, String path) {
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
