package io.galley.ingest.commits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.galley.ingest.IngestProperties;
import io.galley.observability.CommitTracing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The health check reads the poller without waiting for a poll in progress. */
class RepositoryPollerHealthTest {

  @Test
  void answersTheFollowedBranchWhileAPollIsStillRunning(@TempDir Path state) throws Exception {
    CountDownLatch inPoll = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    IngestRole slowRole =
        new IngestRole(
            null, null, null, new CommitLog(), "health-test", new SimpleMeterRegistry()) {
          @Override
          boolean prepare() {
            inPoll.countDown();
            try {
              release.await(30, TimeUnit.SECONDS); // a poll stuck on a slow broker or fetch
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return false;
          }
        };
    RepositoryPoller poller =
        new RepositoryPoller(
            properties(state), slowRole, new CommitLog(), null, CommitTracing.none());
    Thread polling = new Thread(poller::poll, "stuck-poll");
    polling.setDaemon(true);
    polling.start();
    try {
      assertThat(inPoll.await(10, TimeUnit.SECONDS)).isTrue();
      String branch = assertTimeoutPreemptively(Duration.ofSeconds(5), poller::branch);
      assertThat(branch).isEqualTo("main");
    } finally {
      release.countDown();
      polling.interrupt();
    }
  }

  private static IngestProperties properties(Path state) {
    return new IngestProperties(
        state.resolve("no-repo").toString(),
        "main",
        List.of(),
        Duration.ofHours(1),
        state,
        3,
        null,
        null,
        null,
        null,
        "health-test",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
