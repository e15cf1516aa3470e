package io.galley.ingest.commits;

import io.galley.ingest.IngestProperties;
import io.galley.ingest.book.BookLoader;
import io.galley.ingest.publishing.CommitPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ingest of one commit's book: the {@link BookLoader} that reads and checks it, with its limits
 * from {@link IngestProperties}, and the {@link BookIngestor} that hands the outcome to the {@link
 * CommitPublisher}.
 */
@Configuration(proxyBeanMethods = false)
class BookIngestConfiguration {

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
  BookIngestor bookIngestor(BookLoader loader, CommitPublisher publisher, CommitLog log) {
    return new BookIngestor(loader, publisher, log);
  }
}
