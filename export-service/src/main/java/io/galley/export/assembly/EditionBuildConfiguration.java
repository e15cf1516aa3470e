package io.galley.export.assembly;

import io.galley.export.ExportProperties;
import io.galley.export.edition.PipelineObserver;
import io.galley.export.epub.EpubEditionBuilder;
import io.galley.export.observability.EditionMetrics;
import io.galley.export.pdf.PdfEditionBuilder;
import io.galley.export.store.BlobAssetSource;
import io.galley.export.store.EditionCatalog;
import io.galley.export.store.EditionFileStore;
import io.galley.kafka.CoPartitionedListener;
import io.galley.kafka.TopicProgress;
import io.galley.observability.CommitTrace;
import io.galley.observability.CommitTracing;
import java.util.List;
import java.util.concurrent.Executors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Export's build chain, in the order a book passes it: {@link ManifestJoin} offers ready books to
 * the {@link CoalescingBuildQueue}, whose build thread runs the {@link EditionBuildJob} over the
 * format builders (EPUB, then PDF). The Kafka edges it sits between are {@link
 * ExportKafkaConfiguration}'s.
 */
@Configuration(proxyBeanMethods = false)
class EditionBuildConfiguration {

  @Bean
  EditionBuildJob editionBuildJob(
      ExportProperties properties,
      EditionFileStore store,
      EditionCatalog catalog,
      EditionPublisher publisher,
      PipelineObserver observer,
      EditionMetrics metrics) {
    return new EditionBuildJob(
        // the EPUB takes a fraction of the PDF's time: build it first so it is not held back
        List.of(
            metrics.measured(new EpubEditionBuilder(properties.build())),
            metrics.measured(
                new PdfEditionBuilder(
                    properties.exporterVersion(),
                    true,
                    properties.pdfPartsDir(),
                    properties.build()))),
        store,
        catalog,
        publisher,
        properties.exporterVersion(),
        observer,
        properties.build());
  }

  @Bean
  CoalescingBuildQueue buildQueue(
      EditionBuildJob job,
      PipelineObserver observer,
      TopicProgress exportEditionsProgress,
      CommitTracing tracing) {
    return new CoalescingBuildQueue(
        content -> {
          // after taking books: know every edition their previous owner published first
          exportEditionsProgress.awaitIfBehind(CoPartitionedListener.HAND_OVER_WAIT);
          try (CommitTrace trace = tracing.open("export build", content.manifest().commit())) {
            job.build(content); // a span of the commit's trace; its log lines name the commit
          }
        },
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "export-build");
              t.setDaemon(true);
              return t;
            }),
        observer);
  }

  @Bean
  ManifestJoin manifestJoin(
      BlobAssetSource assets, CoalescingBuildQueue queue, PipelineObserver observer) {
    return new ManifestJoin(assets, queue, observer);
  }
}
