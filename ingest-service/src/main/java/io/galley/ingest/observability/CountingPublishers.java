package io.galley.ingest.observability;

import io.galley.events.CommitIngested;
import io.galley.events.CommitRejected;
import io.galley.events.SourceDocument;
import io.galley.ingest.book.Asset;
import io.galley.ingest.publishing.CommitPublisher;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Decorates the {@link CommitPublisher} so that every publication is counted in {@link
 * IngestMetrics}, leaving the Kafka adapter untouched.
 */
@Component
class CountingPublishers implements BeanPostProcessor {

  private final ObjectProvider<IngestMetrics> metrics;

  CountingPublishers(ObjectProvider<IngestMetrics> metrics) {
    this.metrics = metrics;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof CommitPublisher publisher && !(bean instanceof Counting)) {
      return new Counting(publisher, metrics.getObject());
    }
    return bean;
  }

  /** Counts after the delegate succeeded: a failed publication is retried by the next poll. */
  record Counting(CommitPublisher delegate, IngestMetrics metrics) implements CommitPublisher {

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
}
