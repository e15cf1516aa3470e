package io.galley.ingest.commits;

import io.galley.ingest.IngestProperties;
import io.galley.ingest.book.BookLoader;
import io.galley.ingest.observability.IngestMetrics;
import io.galley.ingest.publishing.CommitPublisher;
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
  RepositoryPoller repositoryPoller(
      IngestProperties properties,
      CommitHistoryReader history,
      CommitLog log,
      BookLoader loader,
      CommitPublisher publisher) {
    return new RepositoryPoller(properties, history, log, new BookIngestor(loader, publisher, log));
  }

  @Bean
  PollScheduler pollScheduler(
      RepositoryPoller poller, IngestProperties properties, IngestMetrics metrics) {
    return new PollScheduler(
        poller,
        properties.pollInterval().toMillis(),
        metrics,
        properties.pollStallTimeout(),
        java.time.Clock.systemUTC());
  }
}
