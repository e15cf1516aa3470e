package io.galley.render.pipeline;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Reports the render worker in {@code /actuator/health} and readiness: down with the reason. */
@Component("renderLoop")
class RenderWorkerHealthIndicator extends AbstractHealthIndicator {

  private final RenderWorker worker;

  RenderWorkerHealthIndicator(RenderWorker worker) {
    this.worker = worker;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    worker
        .problem()
        .ifPresentOrElse(reason -> builder.down().withDetail("reason", reason), () -> builder.up());
  }
}
