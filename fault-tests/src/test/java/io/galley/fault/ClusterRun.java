package io.galley.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The clock and timeline of one cluster run: every wait is bounded by its own limit and by what is
 * left of the run's budget, and every step is noted with its time for the report.
 */
final class ClusterRun {

  private final Duration budget;
  private final long started = System.nanoTime();
  private final List<String> timeline = Collections.synchronizedList(new ArrayList<>());

  ClusterRun(Duration budget) {
    this.budget = budget;
  }

  void note(String event) {
    timeline.add(String.format("%6.1fs %s", (System.nanoTime() - started) / 1e9, event));
  }

  Duration remaining() {
    Duration left = budget.minusNanos(System.nanoTime() - started);
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** Waits for a condition the run cannot go on without; fails the test when it does not come. */
  void within(String what, Duration max, Callable<Boolean> condition) {
    if (!soon(what, max, condition)) {
      throw new AssertionError("timed out waiting for " + what + "\n" + timeline());
    }
  }

  /**
   * Waits for a condition the report judges (the services' part): gives up when it does not come,
   * notes it, and returns whether it came.
   */
  boolean soon(String what, Duration max, Callable<Boolean> condition) {
    Duration bound = max.compareTo(remaining()) < 0 ? max : remaining();
    try {
      Awaitility.await(what)
          .atMost(bound.plusMillis(1))
          .pollInterval(Duration.ofSeconds(2))
          .ignoreExceptions()
          .until(condition);
      note(what);
      return true;
    } catch (ConditionTimeoutException e) {
      note("gave up after " + bound.toSeconds() + "s waiting for " + what);
      return false;
    }
  }

  /** A seeded-random pause between commits: when faults strike, not a wait for a condition. */
  void pace(Random random, int minMillis, int maxMillis) throws InterruptedException {
    Thread.sleep(minMillis + random.nextInt(maxMillis - minMillis));
  }

  String timeline() {
    synchronized (timeline) {
      return "[cluster] " + String.join("\n[cluster] ", timeline);
    }
  }
}
