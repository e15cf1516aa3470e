package io.galley.observability;

import io.galley.events.Traceparent;
import org.slf4j.MDC;

/**
 * Puts a commit's trace id ({@code traceId}) and the commit ({@code commit}) into the SLF4J MDC for
 * the work of one record or one build, so every log line of that work names its trace.
 */
public final class CommitTrace implements AutoCloseable {

  /** The MDC key of the W3C trace id. */
  public static final String TRACE_ID = "traceId";

  /** The MDC key of the commit id. */
  public static final String COMMIT = "commit";

  private CommitTrace() {}

  /** The trace id every service derives for {@code commit}. */
  public static String traceId(String commit) {
    return Traceparent.traceId(Traceparent.forCommit(commit, "trace"));
  }

  /** Opens the context of {@code commit}; close it (try-with-resources) when the work is done. */
  public static CommitTrace open(String commit) {
    return open(commit == null ? null : traceId(commit), commit);
  }

  /** Opens a context with the given trace id and commit, either of which may be null. */
  static CommitTrace open(String traceId, String commit) {
    clear();
    if (traceId != null) {
      MDC.put(TRACE_ID, traceId);
    }
    if (commit != null) {
      MDC.put(COMMIT, commit);
    }
    return new CommitTrace();
  }

  static void clear() {
    MDC.remove(TRACE_ID);
    MDC.remove(COMMIT);
  }

  @Override
  public void close() {
    clear();
  }
}
