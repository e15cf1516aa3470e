package io.galley.ingest.commits;

import io.galley.ingest.IngestProperties;
import io.galley.ingest.book.BookLoader;
import io.galley.ingest.lease.IngestLease;
import io.galley.ingest.observability.IngestMetrics;
import io.galley.ingest.publishing.CommitPublisher;
import io.galley.ingest.publishing.PublishingTerm;
import io.galley.observability.CommitTracing;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the ingest pipeline: loader, ingestor, poller and its schedule. */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

  @Bean
  BookLoader bookLoader(IngestProperties properties) {
    return new BookLoader(
        properties.maxDocumentSize().toBytes(),
        properties.maxAssetSize().toBytes(),
        properties.parseCache().toBytes(),
        properties.maxImagePixels(),
        properties.maxImageSide());
  }

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
      BookLoader loader,
      CommitPublisher publisher,
      CommitTracing tracing) {
    return new RepositoryPoller(
        properties, role, log, new BookIngestor(loader, publisher, log), tracing);
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
            java.time.Clock.systemUTC());
    lease.onChange(scheduler::trigger); // take over (or stand by) now, not at the next tick
    return scheduler;
  }
}
