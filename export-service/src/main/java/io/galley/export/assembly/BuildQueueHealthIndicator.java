package io.galley.export.assembly;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Health of the build queue ({@code buildQueue}, in the readiness group): DOWN with the reason when
 * the queue cannot build any more, so a stopped loop is never silent.
 */
@Component
class BuildQueueHealthIndicator extends AbstractHealthIndicator {

  private final CoalescingBuildQueue queue;

  BuildQueueHealthIndicator(CoalescingBuildQueue queue) {
    this.queue = queue;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    queue
        .stopped()
        .ifPresentOrElse(reason -> builder.down().withDetail("reason", reason), builder::up);
    queue.lastFailure().ifPresent(f -> builder.withDetail("lastUnexpectedFailure", f));
  }
}
