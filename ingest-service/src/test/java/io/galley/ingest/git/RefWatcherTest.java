package io.galley.ingest.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.galley.testsupport.TestRepo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ref watcher calls back on a real repository's commits, including on a new branch folder. */
class RefWatcherTest {

  @TempDir Path dir;

  @Test
  void callsBackWhenABranchMovesIncludingOneInANewFolder() throws Exception {
    TestRepo repo = TestRepo.init(dir.resolve("content"));
    repo.write("a.md", "a").commit("First");
    AtomicInteger changes = new AtomicInteger();
    RefWatcher watcher = RefWatcher.of(repo.dir().toString(), true, changes::incrementAndGet);
    watcher.start();
    try {
      assertThat(watcher.isRunning()).isTrue();
      repo.write("a.md", "b").commit("Second");
      await().atMost(Duration.ofSeconds(10)).until(() -> changes.get() >= 1);
      try (Git git = Git.open(repo.dir().toFile())) {
        // creates refs/heads/feature/, a folder the watcher did not know at start
        git.branchCreate().setName("feature/x").call();
        await().atMost(Duration.ofSeconds(10)).until(() -> changes.get() >= 2);
        settle(changes);
        int before = changes.get();
        ObjectId first = git.getRepository().resolve("main~1");
        RefUpdate update = git.getRepository().updateRef("refs/heads/feature/x");
        update.setNewObjectId(first); // moves only that branch: no HEAD, no main
        update.forceUpdate();
        await().atMost(Duration.ofSeconds(10)).until(() -> changes.get() > before);
      }
    } finally {
      watcher.close();
    }
    assertThat(watcher.isRunning()).isFalse();
  }

  // no callback for a while: what follows is caused by the next change alone
  private static void settle(AtomicInteger changes) {
    int[] seen = {changes.get()};
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              int now = changes.get();
              boolean quiet = now == seen[0];
              seen[0] = now;
              return quiet;
            });
  }

  @Test
  void watchesNothingWhenTurnedOffOrRemote() {
    TestRepo repo = TestRepo.init(dir.resolve("content"));
    RefWatcher off = RefWatcher.of(repo.dir().toString(), false, () -> {});
    off.start();
    assertThat(off.isRunning()).isFalse();
    RefWatcher remote = RefWatcher.of("https://example.org/book.git", true, () -> {});
    remote.start();
    assertThat(remote.isRunning()).isFalse();
  }
}
