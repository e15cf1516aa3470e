package io.galley.ingest.publishing;

import io.galley.events.CommitIngested;
import io.galley.events.CommitRejected;
import io.galley.events.SourceDocument;
import io.galley.ingest.book.Asset;
import io.galley.ingest.observability.IngestMetrics;
import java.util.Collection;
import java.util.List;

/**
 * Counts every publication in {@link IngestMetrics}, around the Kafka adapter it decorates (applied
 * in {@link PublishingConfiguration}, so the metric stays out of the adapter).
 */
record CountingCommitPublisher(CommitPublisher delegate, IngestMetrics metrics)
    implements CommitPublisher {

  // counts after the delegate succeeded: a failed publication is retried by the next poll

  @Override
  public void publishIngested(
      CommitIngested manifest,
      List<SourceDocument> sources,
      Collection<Asset> assets,
      List<String> retired) {
    delegate.publishIngested(manifest, sources, assets, retired);
    metrics.ingested();
  }

  @Override
  public void publishRejected(CommitRejected rejected, List<String> retired) {
    delegate.publishRejected(rejected, retired);
    metrics.rejected();
  }
}
