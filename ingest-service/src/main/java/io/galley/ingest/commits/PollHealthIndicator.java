package io.galley.ingest.commits;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Reports whether the last poll (git fetch, Kafka history read, publishing) succeeded, so readiness
 * shows a broker or remote that is down.
 */
@Component("ingestPoll")
class PollHealthIndicator implements HealthIndicator {

  private final PollScheduler scheduler;

  PollHealthIndicator(PollScheduler scheduler) {
    this.scheduler = scheduler;
  }

  @Override
  public Health health() {
    String error = scheduler.lastError();
    return error == null
        ? Health.up().withDetail("branch", String.valueOf(scheduler.branch())).build()
        : Health.down().withDetail("error", error).build();
  }
}
