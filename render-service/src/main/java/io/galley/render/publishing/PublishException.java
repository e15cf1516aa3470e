package io.galley.render.publishing;

/** Kafka did not acknowledge a record: an infrastructure failure, retried later. */
public final class PublishException extends RuntimeException {

  public PublishException(String message, Throwable cause) {
    super(message, cause);
  }
}
