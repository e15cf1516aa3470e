package io.galley.observability;

import io.galley.events.CommitIngested;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * Watches the observed listeners for commit manifests ({@link CommitIngested}): notes when ingest
 * published each one (for the latency metric) and which span received it (so a later build of the
 * commit continues its trace). Runs after Spring Boot's tracing handler, which starts that span
 * first.
 */
class ManifestReceipts implements ObservationHandler<KafkaRecordReceiverContext> {

  private final CommitClock clock;
  private final CommitTracing tracing;

  ManifestReceipts(CommitClock clock, CommitTracing tracing) {
    this.clock = clock;
    this.tracing = tracing;
  }

  @Override
  public void onStart(KafkaRecordReceiverContext context) {
    ConsumerRecord<?, ?> record = context.getRecord();
    if (record.value() instanceof CommitIngested manifest) {
      clock.ingested(manifest.commit(), record.timestamp());
      TracingContext span = context.get(TracingContext.class);
      if (span != null) {
        tracing.received(manifest.commit(), span.getSpan());
      }
    }
  }

  @Override
  public boolean supportsContext(Observation.Context context) {
    return context instanceof KafkaRecordReceiverContext;
  }
}
