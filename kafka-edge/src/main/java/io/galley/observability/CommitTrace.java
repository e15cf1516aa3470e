package io.galley.observability;

import io.micrometer.tracing.BaggageInScope;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

/**
 * The span of one piece of work on a commit, current (with the commit as baggage) until closed;
 * opened by {@link CommitTracing#open}.
 */
public final class CommitTrace implements AutoCloseable {

  private final Span span;
  private final Tracer.SpanInScope inScope;
  private final BaggageInScope baggage;

  CommitTrace(Span span, Tracer.SpanInScope inScope, BaggageInScope baggage) {
    this.span = span;
    this.inScope = inScope;
    this.baggage = baggage;
  }

  /** Marks the work as failed with {@code error}; the span still ends on {@link #close()}. */
  public void error(Throwable error) {
    span.error(error);
  }

  @Override
  public void close() {
    if (baggage != null) {
      baggage.close();
    }
    inScope.close();
    span.end();
  }
}
