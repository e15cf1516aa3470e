package io.galley.observability;

import io.galley.events.CommitEvent;
import io.galley.events.CommitIngested;
import io.galley.events.EditionEvent;
import io.galley.events.EventHeaders;
import io.galley.events.SourceDocument;
import io.galley.events.Traceparent;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Puts the record's trace id (its {@code traceparent} header, else derived from the commit it
 * carries) and commit into the MDC while a listener processes it, and notes when each manifest was
 * published for the latency metric.
 */
class TraceRecordInterceptor implements RecordInterceptor<Object, Object> {

  private final CommitClock clock;

  TraceRecordInterceptor(CommitClock clock) {
    this.clock = clock;
  }

  @Override
  public ConsumerRecord<Object, Object> intercept(
      ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
    String commit = commitOf(record.value());
    String traceId =
        Traceparent.traceId(EventHeaders.get(record.headers(), EventHeaders.TRACEPARENT));
    if (traceId == null && commit != null) {
      traceId = CommitTrace.traceId(commit);
    }
    CommitTrace.open(traceId, commit);
    if (record.value() instanceof CommitIngested manifest) {
      clock.ingested(manifest.commit(), record.timestamp());
    }
    return record;
  }

  @Override
  public void afterRecord(
      ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
    CommitTrace.clear();
  }

  private static String commitOf(Object value) {
    if (value instanceof CommitEvent e) {
      return e.commit();
    }
    if (value instanceof SourceDocument s) {
      return s.commit();
    }
    if (value instanceof EditionEvent e) {
      return e.commit();
    }
    return null;
  }
}
