package io.galley.ingest.dlt;

import java.time.Instant;

/**
 * One record of the dead-letter topic as {@code GET /api/dlt} shows it.
 *
 * @param offset the record's offset in {@code guide.dlt.v1} (its id for replay)
 * @param key the original key, or null
 * @param originTopic the topic the record failed on, or null when unknown
 * @param originPartition its partition there, or -1
 * @param originOffset its offset there, or -1
 * @param exception the error that sent it to the dead-letter topic
 * @param source the service that gave up on it, or null
 * @param time when it was dead-lettered
 * @param size the value's size in bytes
 * @param replayed whether it has been replayed since
 * @param payload the value in base64, at most {@link #MAX_PAYLOAD} bytes of it; null unless the
 *     admin token was sent
 * @param payloadTruncated whether {@code payload} holds only the first {@link #MAX_PAYLOAD} bytes
 */
record DeadLetter(
    long offset,
    String key,
    String originTopic,
    int originPartition,
    long originOffset,
    String exception,
    String source,
    Instant time,
    int size,
    boolean replayed,
    String payload,
    boolean payloadTruncated) {

  /** The most of a value one dead letter shows, so a page stays small. */
  static final int MAX_PAYLOAD = 64 * 1024;

  /** The most of an exception shown without the admin token. */
  static final int SUMMARY_CHARS = 200;

  DeadLetter {
    if (offset < 0) {
      throw new IllegalArgumentException("a dead letter's offset is >= 0, got " + offset);
    }
  }

  DeadLetter asReplayed() {
    return new DeadLetter(
        offset,
        key,
        originTopic,
        originPartition,
        originOffset,
        exception,
        source,
        time,
        size,
        true,
        payload,
        payloadTruncated);
  }

  /**
   * This dead letter as anyone may see it: no payload, and of the exception only its first line, at
   * most {@link #SUMMARY_CHARS} characters (messages can quote the record's content).
   */
  DeadLetter summary() {
    String first = exception == null ? null : exception.lines().findFirst().orElse("");
    if (first != null && first.length() > SUMMARY_CHARS) {
      first = first.substring(0, SUMMARY_CHARS) + "…";
    }
    return new DeadLetter(
        offset,
        key,
        originTopic,
        originPartition,
        originOffset,
        first,
        source,
        time,
        size,
        replayed,
        null,
        false);
  }
}
