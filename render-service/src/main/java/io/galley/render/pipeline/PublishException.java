package io.galley.render.pipeline;

/** Kafka did not acknowledge a record: an infrastructure failure, retried later. */
final class PublishException extends RuntimeException {

  PublishException(String message, Throwable cause) {
    super(message, cause);
  }
}
