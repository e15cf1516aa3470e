package io.galley.events;

/**
 * W3C trace context for a commit. The trace id is derived from the commit id, so every record a
 * commit causes, in every service, shares one trace even after a replay.
 */
public final class Traceparent {

  private Traceparent() {}

  /** {@code 00-<trace id>-<span id>-01} for the commit; the span id names the producing step. */
  public static String forCommit(String commit, String step) {
    String trace = Digests.sha256Hex("trace:" + commit).substring(0, 32);
    String span = Digests.sha256Hex("span:" + commit + ":" + step).substring(0, 16);
    return "00-" + trace + "-" + span + "-01";
  }

  /** The trace id part of a traceparent header, or null when malformed. */
  public static String traceId(String traceparent) {
    if (traceparent == null) {
      return null;
    }
    String[] parts = traceparent.split("-");
    return parts.length == 4 && parts[1].length() == 32 ? parts[1] : null;
  }
}
