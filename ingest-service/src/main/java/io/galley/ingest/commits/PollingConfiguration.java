package io.galley.ingest.commits;

import io.galley.ingest.IngestProperties;
import io.galley.ingest.git.RefWatcher;
import io.galley.ingest.lease.IngestLease;
import io.galley.ingest.observability.IngestMetrics;
import io.galley.ingest.publishing.PublishingTerm;
import io.galley.observability.CommitTracing;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The polling of the content repository: the instance's role (active or standing by), the poller
 * that hands each new commit to the {@link BookIngestor}, and the schedule that runs it.
 */
@Configuration(proxyBeanMethods = false)
class PollingConfiguration {

  @Bean
  IngestRole ingestRole(
      IngestLease lease,
      PublishingTerm publishing,
      CommitHistoryReader history,
      CommitLog log,
      IngestProperties properties,
      MeterRegistry registry) {
    return new IngestRole(lease, publishing, history, log, properties.instance(), registry);
  }

  @Bean
  RepositoryPoller repositoryPoller(
      IngestProperties properties,
      IngestRole role,
      CommitLog log,
      BookIngestor ingestor,
      CommitTracing tracing) {
    return new RepositoryPoller(properties, role, log, ingestor, tracing);
  }

  @Bean
  PollScheduler pollScheduler(
      RepositoryPoller poller,
      IngestProperties properties,
      IngestMetrics metrics,
      IngestLease lease) {
    PollScheduler scheduler =
        new PollScheduler(
            poller,
            properties.pollInterval().toMillis(),
            metrics,
            properties.pollStallTimeout(),
            Clock.systemUTC());
    lease.onChange(scheduler::trigger); // take over (or stand by) now, not at the next tick
    return scheduler;
  }

  @Bean
  RefWatcher refWatcher(IngestProperties properties, PollScheduler scheduler) {
    // a ref change asks for a poll as a push webhook does; the poll interval stays the fallback
    return RefWatcher.of(properties.repository(), properties.watchRepository(), scheduler::trigger);
  }
}
