package io.galley.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.galley.events.CommitEvent;
import io.galley.events.CommitIngested;
import io.galley.events.EventJson;
import io.galley.events.Topics;
import io.galley.testsupport.KafkaBroker;
import io.galley.testsupport.TestRepo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * History across restarts, through {@link IngestApplication#builder()} and a cloned (file://)
 * repository: missed commits are caught up in order, commits outside the book are skipped, and a
 * force-push yields a snapshot.
 */
class IngestHistoryIT {

  @TempDir Path dir;

  private final String bootstrap = KafkaBroker.selected().bootstrapServers();
  private final String bookId = "history-" + Long.toHexString(System.nanoTime());

  private ConfigurableApplicationContext start(TestRepo repo, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--galley.ingest.repository=" + repo.dir().toUri(),
                "--galley.ingest.books=manual",
                "--galley.ingest.state-dir=" + dir.resolve("state"),
                "--galley.ingest.instance=history",
                "--galley.ingest.group=" + bookId));
    args.addAll(List.of(more));
    return IngestApplication.builder().run(args.toArray(String[]::new));
  }

  private List<CommitEvent> events() {
    return TopicReader.readAll(bootstrap, Topics.COMMITS).stream()
        .filter(r -> bookId.equals(r.key()))
        .map(r -> EventJson.fromBytes(r.value(), CommitEvent.class))
        .toList();
  }

  private List<String> commits() {
    return events().stream().map(CommitEvent::commit).toList();
  }

  private void awaitCommit(String sha) {
    await().atMost(Duration.ofSeconds(30)).until(() -> commits().contains(sha));
  }

  /** Posts a push webhook to the running app; returns the status. */
  private static int pushWebhook(ConfigurableApplicationContext app, String body, String signature)
      throws Exception {
    int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    var request =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/webhooks/git"))
            .header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      request.header("X-Hub-Signature-256", signature);
    }
    return java.net.http.HttpClient.newHttpClient()
        .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  @Test
  void signedPushWebhookTriggersAnImmediatePoll() throws Exception {
    TestRepo repo = TestRepo.init(dir.resolve("content"));
    String c1 =
        repo.write("manual/book.yml", "id: " + bookId + "\ntitle: Manual\n")
            .write("manual/a.md", "# A\n")
            .commit("Start");
    try (ConfigurableApplicationContext app =
        start(
            repo,
            "--galley.ingest.poll-interval=1h",
            "--galley.ingest.webhook-secret=topsecret",
            // the ref watcher would poll without the webhook: this test is the webhook's
            "--galley.ingest.watch-repository=false")) {
      awaitCommit(c1); // the first poll runs at start
      String c2 = repo.write("manual/a.md", "# A2\n").commit("Edit");
      String body = "{\"ref\":\"refs/heads/main\",\"after\":\"" + c2 + "\"}";
      assertThat(pushWebhook(app, body, IngestRoutesTest.sign("topsecret", body))).isEqualTo(202);
      awaitCommit(c2);
      assertThat(commits()).containsExactly(c1, c2);
    }
  }

  @Test
  void catchesUpMissedCommitsInOrderAndSnapshotsAfterForcePush() throws Exception {
    TestRepo repo = TestRepo.init(dir.resolve("content"));
    String c1 =
        repo.write("manual/book.yml", "id: " + bookId + "\ntitle: Manual\n")
            .write("manual/a.md", "# A\n")
            .write("manual/b.md", "# B\n")
            .commit("Start");
    try (ConfigurableApplicationContext app = start(repo, "--galley.ingest.poll-interval=200ms")) {
      awaitCommit(c1);
    }
    String c2 = repo.write("manual/a.md", "# A\n\nMore.\n").commit("Edit a");
    String other = repo.write("notes.txt", "not a book").commit("Outside the book");
    String c3 = repo.write("manual/b.md", "# B\n\nMore.\n").commit("Edit b");
    // polled only at start and on a webhook (no ref watcher), so the force-push below is seen in
    // one piece
    try (ConfigurableApplicationContext app =
        start(repo, "--galley.ingest.poll-interval=1h", "--galley.ingest.watch-repository=false")) {
      awaitCommit(c3);
      assertThat(commits()).containsExactly(c1, c2, c3).doesNotContain(other);
      CommitIngested second = (CommitIngested) events().get(1);
      CommitIngested third = (CommitIngested) events().get(2);
      assertThat(second.parent()).isEqualTo(c1);
      assertThat(second.changed()).containsExactly("a");
      assertThat(third.parent()).isEqualTo(c2);
      assertThat(third.changed()).containsExactly("b");

      try (Git git = Git.open(repo.dir().toFile())) {
        git.reset().setMode(ResetCommand.ResetType.HARD).setRef(c1).call();
      }
      String c4 = repo.delete("manual/b.md").write("manual/c.md", "# C\n").commit("Rewritten");
      assertThat(pushWebhook(app, "{\"ref\":\"refs/heads/main\"}", null)).isEqualTo(202);
      awaitCommit(c4);
      CommitIngested snapshot = (CommitIngested) events().get(3);
      assertThat(snapshot.snapshot()).isTrue();
      assertThat(snapshot.parent()).isEqualTo(c3);
      assertThat(snapshot.changed()).containsExactly("a", "c");
      assertThat(snapshot.deleted()).containsExactly("b");
    }
  }
}
