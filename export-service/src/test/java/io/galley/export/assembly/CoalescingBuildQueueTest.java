package io.galley.export.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.galley.export.Books;
import io.galley.export.edition.BookContent;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class CoalescingBuildQueueTest {

  @Test
  void anErrorFromOneBuildNeitherStopsTheQueueNorTheBookAndReadinessStaysUp() throws Exception {
    List<String> built = new CopyOnWriteArrayList<>();
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try (CoalescingBuildQueue queue =
        new CoalescingBuildQueue(
            content -> {
              if (built.isEmpty()) {
                built.add("failed");
                throw new OutOfMemoryError("a chapter too big");
              }
              built.add(content.manifest().commit());
            },
            executor)) {
      queue.offer("go-guide", 1, Books.content());
      await().until(() -> built.size() == 1);
      BookContent next = next();
      queue.offer("go-guide", 2, next);
      await().until(() -> built.size() == 2);
      assertThat(built).containsExactly("failed", next.manifest().commit());
      var health = new BuildQueueHealthIndicator(queue).health(true);
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails().get("lastUnexpectedFailure").toString())
          .contains("a chapter too big");
    }
  }

  @Test
  void aQueueThatCannotBuildAnyMoreTurnsReadinessDownWithTheReason() throws Exception {
    ExecutorService executor = Executors.newSingleThreadExecutor();
    CoalescingBuildQueue queue = new CoalescingBuildQueue(content -> {}, executor);
    executor.shutdownNow();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> queue.offer("go-guide", 1, Books.content()))
        .isInstanceOf(RejectedExecutionException.class);
    var health = new BuildQueueHealthIndicator(queue).health(true);
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails().get("reason").toString()).contains("refuses work");
  }

  private static BookContent next() {
    var later = Books.goGuide("go-guide", "f".repeat(40), Instant.parse("2026-06-01T00:00:00Z"));
    return new BookContent(later, Books.rendered(later), Books.assets());
  }
}
