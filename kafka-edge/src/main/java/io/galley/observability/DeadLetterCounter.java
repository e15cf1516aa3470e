package io.galley.observability;

import io.galley.events.Topics;
import io.galley.kafka.DeadLetterHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.support.micrometer.KafkaRecordSenderContext;

/**
 * Counts the records observed templates send to the dead-letter topic, as {@code
 * galley.dlt.records{topic}} by the topic they failed on (read from the dead-letter headers).
 */
class DeadLetterCounter implements ObservationHandler<KafkaRecordSenderContext> {

  private final MeterRegistry registry;

  DeadLetterCounter(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void onStart(KafkaRecordSenderContext context) {
    ProducerRecord<?, ?> record = context.getRecord();
    if (!Topics.DLT.equals(record.topic())) {
      return;
    }
    String origin = DeadLetterHeaders.read(record.headers()).originTopic();
    Counter.builder("galley.dlt.records")
        .description("records sent to the dead-letter topic, by the topic they came from")
        .tag("topic", origin == null ? "unknown" : origin)
        .register(registry)
        .increment();
  }

  @Override
  public boolean supportsContext(Observation.Context context) {
    return context instanceof KafkaRecordSenderContext;
  }
}
