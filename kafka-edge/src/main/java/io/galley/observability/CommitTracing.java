package io.galley.observability;

import io.micrometer.tracing.BaggageInScope;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Opens the span of one piece of work on a commit, with the commit as baggage ({@value #COMMIT}),
 * which Spring Boot copies into the logging context (MDC key {@value #COMMIT}) and every observed
 * Kafka template sends on. Work that picks up a commit later on another thread (a build) continues
 * the trace of the record that delivered the commit's manifest to this service.
 */
public class CommitTracing {

  /** The baggage field and MDC key of the commit id. */
  public static final String COMMIT = "commit";

  static final int CAPACITY = 1000;

  private final Tracer tracer;

  /** The receiving span of each recent commit's manifest, newest {@value #CAPACITY}. */
  private final Map<String, Span> received =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Span> eldest) {
          return size() > CAPACITY;
        }
      };

  /** Tracing with {@code tracer}. */
  public CommitTracing(Tracer tracer) {
    this.tracer = tracer;
  }

  /** Tracing that records nothing, for tests and tools without a tracer. */
  public static CommitTracing none() {
    return new CommitTracing(Tracer.NOOP);
  }

  /** Notes that {@code span} received the manifest of {@code commit} (the newest receipt wins). */
  synchronized void received(String commit, Span span) {
    if (commit != null && span != null) {
      received.put(commit, span);
    }
  }

  private synchronized Span receiptOf(String commit) {
    return received.get(commit);
  }

  /**
   * Starts span {@code name} for work on {@code commit} and makes it current with the commit as
   * baggage; close the result (try-with-resources) when the work is done. Its parent is the span
   * that received the commit's manifest here, else the current span; with neither it starts a
   * trace.
   */
  public CommitTrace open(String name, String commit) {
    Span receipt = commit == null ? null : receiptOf(commit);
    Span span =
        (receipt == null ? tracer.nextSpan() : tracer.nextSpan(receipt))
            .name(name)
            .tag(COMMIT, String.valueOf(commit))
            .start();
    Tracer.SpanInScope inScope = tracer.withSpan(span);
    BaggageInScope baggage = commit == null ? null : tracer.createBaggageInScope(COMMIT, commit);
    return new CommitTrace(span, inScope, baggage);
  }
}
