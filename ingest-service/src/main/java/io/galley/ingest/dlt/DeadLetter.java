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
    boolean replayed) {

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
        true);
  }
}
