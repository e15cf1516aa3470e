package io.galley.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.EventHeaders;
import io.galley.events.Traceparent;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The listener-side trace context: MDC while a record is processed, nothing after. */
class TraceRecordInterceptorTest {

  private final CommitClock clock = new CommitClock();
  private final TraceRecordInterceptor interceptor = new TraceRecordInterceptor(clock);

  @AfterEach
  void clear() {
    MDC.clear();
  }

  @Test
  void putsTheHeadersTraceIdIntoTheMdcAndClearsItAfterTheRecord() {
    String traceparent = Traceparent.forCommit("c0ffee", "ingest");
    RecordHeaders headers = new RecordHeaders();
    EventHeaders.put(headers, EventHeaders.TRACEPARENT, traceparent);
    ConsumerRecord<Object, Object> record = record(headers, new byte[] {1});

    interceptor.intercept(record, null);
    assertThat(MDC.get("traceId")).isEqualTo(Traceparent.traceId(traceparent));
    assertThat(MDC.get("commit")).isNull();

    interceptor.afterRecord(record, null);
    assertThat(MDC.get("traceId")).isNull();
  }

  @Test
  void derivesTheSameTraceIdFromTheCommitWhenTheHeaderIsMissing() {
    assertThat(CommitTrace.traceId("abc123"))
        .isEqualTo(Traceparent.traceId(Traceparent.forCommit("abc123", "render")));
    try (CommitTrace trace = CommitTrace.open("abc123")) {
      assertThat(MDC.get("traceId")).isEqualTo(CommitTrace.traceId("abc123"));
      assertThat(MDC.get("commit")).isEqualTo("abc123");
    }
    assertThat(MDC.get("commit")).isNull();
  }

  @Test
  void remembersOnlyTheFirstPublicationTimeOfACommit() {
    clock.ingested("abc", 1_000L);
    clock.ingested("abc", 5_000L);
    assertThat(clock.ingestedAt("abc")).contains(Instant.ofEpochMilli(1_000L));
    assertThat(clock.ingestedAt("unknown")).isEqualTo(Optional.empty());
  }

  private static ConsumerRecord<Object, Object> record(RecordHeaders headers, Object value) {
    return new ConsumerRecord<>(
        "guide.source.v1",
        0,
        0L,
        42L,
        TimestampType.CREATE_TIME,
        -1,
        -1,
        "key",
        value,
        headers,
        Optional.empty());
  }
}
