package io.galley.ingest.commits;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of readiness: DOWN with the reason when the poll loop stopped, a poll is stalled, or the
 * last poll (git fetch, Kafka history read, publishing) failed. Its details name this instance and
 * its role (active or standby).
 */
@Component("ingestPoll")
class PollHealthIndicator implements HealthIndicator {

  private final PollScheduler scheduler;

  PollHealthIndicator(PollScheduler scheduler) {
    this.scheduler = scheduler;
  }

  @Override
  public Health health() {
    String problem = scheduler.problem();
    Health.Builder health =
        problem == null
            ? Health.up().withDetail("branch", String.valueOf(scheduler.branch()))
            : Health.down().withDetail("error", problem);
    // a standby is ready: it serves the commit list and answers webhooks
    return health.withDetail("role", scheduler.role()).build();
  }
}
