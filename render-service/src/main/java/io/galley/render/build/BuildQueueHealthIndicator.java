package io.galley.render.build;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Reports the build queue in {@code /actuator/health} and readiness: down with the reason. */
@Component("renderLoop")
class BuildQueueHealthIndicator extends AbstractHealthIndicator {

  private final RetryingBuildQueue queue;

  BuildQueueHealthIndicator(RetryingBuildQueue queue) {
    this.queue = queue;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    queue
        .problem()
        .ifPresentOrElse(reason -> builder.down().withDetail("reason", reason), () -> builder.up());
  }
}
