package io.galley.ingest.commits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.galley.ingest.observability.IngestMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/** The poll loop: coalesces webhook floods, survives any Throwable, reports what it knows. */
class PollSchedulerTest {

  /** A poller that counts polls and does what the test says instead of touching git. */
  static final class ScriptedPoller extends RepositoryPoller {
    final AtomicInteger polls = new AtomicInteger();
    final CountDownLatch release = new CountDownLatch(1);
    volatile boolean block;
    volatile Throwable failure;

    ScriptedPoller() {
      super(null, null, null, null, null);
    }

    @Override
    String role() {
      return "scripted: active";
    }

    @Override
    synchronized void poll() {
      polls.incrementAndGet();
      try {
        if (block && !release.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("never released");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      Throwable t = failure;
      if (t instanceof Error error) {
        throw error;
      }
    }

    @Override
    synchronized String branch() {
      return "main";
    }

    @Override
    synchronized void close() {}
  }

  /** A clock the test moves. */
  static final class TestClock extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.EPOCH);

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  private final ScriptedPoller poller = new ScriptedPoller();
  private final TestClock clock = new TestClock();
  private PollScheduler scheduler;

  private PollScheduler start(Duration interval) {
    scheduler =
        new PollScheduler(
            poller,
            interval.toMillis(),
            new IngestMetrics(new SimpleMeterRegistry()),
            Duration.ofMinutes(15),
            clock);
    scheduler.start();
    return scheduler;
  }

  @AfterEach
  void stop() {
    poller.release.countDown();
    scheduler.stop();
  }

  @Test
  void aFloodOfTriggersWhileAPollRunsMakesOneMorePoll() {
    poller.block = true;
    start(Duration.ofHours(1));
    await().atMost(Duration.ofSeconds(10)).until(() -> poller.polls.get() == 1);
    for (int i = 0; i < 100; i++) {
      scheduler.trigger();
    }
    poller.block = false;
    poller.release.countDown();
    await().atMost(Duration.ofSeconds(10)).until(() -> poller.polls.get() >= 2);
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(5))
        .until(() -> poller.polls.get() == 2);
  }

  @Test
  void survivesAnErrorFromAPollAndReportsItUntilAPollSucceeds() {
    poller.failure = new AssertionError("boom");
    start(Duration.ofMillis(20));
    PollHealthIndicator health = new PollHealthIndicator(scheduler);
    await().atMost(Duration.ofSeconds(10)).until(() -> "boom".equals(scheduler.problem()));
    assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.health().getDetails()).containsEntry("error", "boom");
    int before = poller.polls.get();
    poller.failure = null;
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> scheduler.problem() == null && poller.polls.get() > before + 1);
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
  }

  @Test
  void aStalledPollTurnsReadinessDownWithTheReason() {
    poller.block = true;
    start(Duration.ofHours(1));
    await().atMost(Duration.ofSeconds(10)).until(() -> poller.polls.get() == 1);
    assertThat(scheduler.problem()).isNull();
    clock.now.set(Instant.EPOCH.plus(Duration.ofMinutes(16)));
    assertThat(new PollHealthIndicator(scheduler).health().getDetails().get("error"))
        .isEqualTo("a poll has been running for 960s (galley.ingest.poll-stall-timeout is 900s)");
  }
}
