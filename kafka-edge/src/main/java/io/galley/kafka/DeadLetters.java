package io.galley.kafka;

import io.galley.events.EventHeaders;
import io.galley.events.Topics;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/** The one error handling of Galley's consumers: bounded retries, then the dead-letter topic. */
public final class DeadLetters {

  private DeadLetters() {}

  /**
   * Retries a failed record twice, 500 ms apart, then publishes it to {@link Topics#DLT} (any
   * partition) with its bytes as they arrived, the exception, its origin and the service in
   * headers.
   *
   * @param template sends the dead letters; its serializers must pass raw bytes through
   * @param service the service name for {@link EventHeaders#SOURCE}
   * @param notRetryable exceptions that go to the dead letters without retries
   */
  @SafeVarargs
  public static DefaultErrorHandler errorHandler(
      KafkaOperations<?, ?> template, String service, Class<? extends Exception>... notRetryable) {
    DeadLetterPublishingRecoverer recoverer =
        new DeadLetterPublishingRecoverer(
            template, (record, ex) -> new TopicPartition(Topics.DLT, -1));
    recoverer.setHeadersFunction(
        (record, ex) -> {
          RecordHeaders headers = new RecordHeaders();
          Throwable cause = ex.getCause() == null ? ex : ex.getCause();
          EventHeaders.put(headers, EventHeaders.DLT_EXCEPTION, String.valueOf(cause));
          EventHeaders.put(
              headers,
              EventHeaders.DLT_ORIGIN,
              record.topic() + "-" + record.partition() + "@" + record.offset());
          EventHeaders.put(headers, EventHeaders.SOURCE, service);
          return headers;
        });
    DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(500L, 2L));
    if (notRetryable.length > 0) {
      handler.addNotRetryableExceptions(notRetryable);
    }
    return handler;
  }
}
