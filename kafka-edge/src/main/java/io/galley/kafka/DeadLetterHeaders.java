package io.galley.kafka;

import io.galley.events.EventHeaders;
import io.galley.events.Topics;
import java.nio.ByteBuffer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The one dead-letter format, written by {@link DeadLetters} in every service and read by ingest's
 * dead-letter routes: a record on {@link Topics#DLT} keeps the failed record's key, value bytes and
 * headers, and adds Spring's {@code kafka_dlt-*} headers (origin topic, partition, offset,
 * exception class and message) and Galley's {@link EventHeaders#DLT_ORIGIN} ({@code
 * topic-partition@offset}), {@link EventHeaders#DLT_EXCEPTION} (the cause) and {@link
 * EventHeaders#SOURCE} (the service). Reading prefers Spring's origin headers and falls back on
 * Galley's, so letters written by hand (tools, older versions) with only the latter still replay.
 *
 * @param originTopic the topic the record failed on, or null when no header names it
 * @param originPartition its partition, or -1
 * @param originOffset its offset, or -1
 * @param exception why it failed (Galley's header, else Spring's class and message), or null
 * @param service the service that dead-lettered it, or null
 */
public record DeadLetterHeaders(
    String originTopic, int originPartition, long originOffset, String exception, String service) {

  /** The headers Galley adds to a dead letter of {@code record}, besides Spring's own. */
  public static Headers of(ConsumerRecord<?, ?> record, Exception ex, String service) {
    RecordHeaders headers = new RecordHeaders();
    Throwable cause = ex.getCause() == null ? ex : ex.getCause();
    EventHeaders.put(headers, EventHeaders.DLT_EXCEPTION, String.valueOf(cause));
    EventHeaders.put(
        headers,
        EventHeaders.DLT_ORIGIN,
        record.topic() + "-" + record.partition() + "@" + record.offset());
    EventHeaders.put(headers, EventHeaders.SOURCE, service);
    return headers;
  }

  /** What the headers of a dead letter say. */
  public static DeadLetterHeaders read(Headers h) {
    String exception = EventHeaders.get(h, EventHeaders.DLT_EXCEPTION);
    if (exception == null) {
      String fqcn = EventHeaders.get(h, KafkaHeaders.DLT_EXCEPTION_FQCN);
      String message = EventHeaders.get(h, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
      exception = fqcn == null ? message : fqcn + (message == null ? "" : ": " + message);
    }
    return new DeadLetterHeaders(
        originTopic(h),
        originPartition(h),
        originOffset(h),
        exception,
        EventHeaders.get(h, EventHeaders.SOURCE));
  }

  /**
   * Whether a header belongs to the dead-letter format rather than to the failed record (a replay
   * sends the record back without these).
   */
  public static boolean isFormatHeader(String name) {
    return name.startsWith("kafka_dlt-")
        || name.startsWith("galley.dlt.")
        || name.startsWith("springDeserializerException");
  }

  private static String originTopic(Headers h) {
    String topic = EventHeaders.get(h, KafkaHeaders.DLT_ORIGINAL_TOPIC);
    if (topic != null) {
      return topic;
    }
    String origin = EventHeaders.get(h, EventHeaders.DLT_ORIGIN);
    int dash = dash(origin);
    return dash <= 0 ? null : origin.substring(0, dash);
  }

  private static int originPartition(Headers h) {
    Header p = h.lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION);
    if (p != null && p.value() != null && p.value().length == Integer.BYTES) {
      return ByteBuffer.wrap(p.value()).getInt();
    }
    String origin = EventHeaders.get(h, EventHeaders.DLT_ORIGIN);
    int dash = dash(origin);
    if (dash <= 0) {
      return -1;
    }
    try {
      return Integer.parseInt(origin.substring(dash + 1, origin.lastIndexOf('@')));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static long originOffset(Headers h) {
    Header o = h.lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET);
    if (o != null && o.value() != null && o.value().length == Long.BYTES) {
      return ByteBuffer.wrap(o.value()).getLong();
    }
    String origin = EventHeaders.get(h, EventHeaders.DLT_ORIGIN);
    int at = origin == null ? -1 : origin.lastIndexOf('@');
    if (at < 0) {
      return -1;
    }
    try {
      return Long.parseLong(origin.substring(at + 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The dash between topic and partition in {@code topic-partition@offset}, or -1. */
  private static int dash(String origin) {
    int at = origin == null ? -1 : origin.lastIndexOf('@');
    return at < 0 ? -1 : origin.lastIndexOf('-', at);
  }
}
