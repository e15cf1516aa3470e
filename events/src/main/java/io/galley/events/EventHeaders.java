package io.galley.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Record header names. Every record carries a CloudEvents-style type and id; the services' tracing
 * adds a W3C {@code traceparent} and the commit as baggage, so one commit can be followed through
 * all three services.
 */
public final class EventHeaders {

  /** The payload's type, for example {@code CommitIngested}. */
  public static final String TYPE = "ce_type";

  /** A stable id of the event, derived from its content. */
  public static final String ID = "ce_id";

  /** The service that produced the event. */
  public static final String SOURCE = "ce_source";

  /**
   * W3C trace context, written and read by the services' tracing (Micrometer Tracing's standard
   * propagator), never by hand.
   */
  public static final String TRACEPARENT = "traceparent";

  /** The media type of an asset's bytes. */
  public static final String CONTENT_TYPE = "content-type";

  /** On dead letters: the exception that sent the record there. */
  public static final String DLT_EXCEPTION = "galley.dlt.exception";

  /** On dead letters: origin topic, partition and offset as {@code topic-partition@offset}. */
  public static final String DLT_ORIGIN = "galley.dlt.origin";

  private EventHeaders() {}

  /** Adds a header as UTF-8 text. */
  public static void put(Headers headers, String name, String value) {
    headers.remove(name);
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  /** The last value of a header as UTF-8 text, or null. */
  public static String get(Headers headers, String name) {
    Header h = headers.lastHeader(name);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
