package io.galley.kafka;

import io.galley.events.EventHeaders;
import io.galley.events.Topics;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/** The one error handling of Galley's consumers: bounded retries, then the dead-letter topic. */
public final class DeadLetters {

  private DeadLetters() {}

  /**
   * Retries a failed record twice, 500 ms apart, then publishes it to {@link Topics#DLT} (any
   * partition) with its bytes as they arrived and the headers of {@link DeadLetterHeaders}.
   *
   * @param template sends the dead letters; its serializers must pass raw bytes through
   * @param service the service name for {@link EventHeaders#SOURCE}
   * @param notRetryable exceptions that go to the dead letters without retries
   */
  @SafeVarargs
  public static DefaultErrorHandler errorHandler(
      KafkaOperations<?, ?> template, String service, Class<? extends Exception>... notRetryable) {
    DefaultErrorHandler handler =
        new DefaultErrorHandler(recoverer(template, service), new FixedBackOff(500L, 2L));
    if (notRetryable.length > 0) {
      handler.addNotRetryableExceptions(notRetryable);
    }
    return handler;
  }

  /**
   * Publishes a failed record to {@link Topics#DLT} (any partition) in {@link DeadLetterHeaders}'
   * format.
   *
   * @param template sends the dead letters; its serializers must pass raw bytes through
   * @param service the service name for {@link EventHeaders#SOURCE}
   */
  public static DeadLetterPublishingRecoverer recoverer(
      KafkaOperations<?, ?> template, String service) {
    DeadLetterPublishingRecoverer recoverer =
        new DeadLetterPublishingRecoverer(
            template, (record, ex) -> new TopicPartition(Topics.DLT, -1));
    recoverer.setHeadersFunction((record, ex) -> DeadLetterHeaders.of(record, ex, service));
    return recoverer;
  }
}
