package io.galley.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.FailedRecordProcessor;
import org.springframework.kafka.listener.RetryListener;

/**
 * Instruments the Kafka edge without touching its wiring: every listener container factory gets the
 * trace interceptor and Kafka client metrics (consumer lag and more), and every error handler
 * counts the records it sends to the dead-letter topic as {@code galley.dlt.records{topic}}.
 */
class KafkaInstrumentation implements BeanPostProcessor {

  private final ObjectProvider<MeterRegistry> registry;
  private final ObjectProvider<CommitClock> clock;

  KafkaInstrumentation(ObjectProvider<MeterRegistry> registry, ObjectProvider<CommitClock> clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof AbstractKafkaListenerContainerFactory factory) {
      factory.setRecordInterceptor(new TraceRecordInterceptor(clock.getObject()));
      if (factory.getConsumerFactory() != null) {
        factory
            .getConsumerFactory()
            .addListener(new MicrometerConsumerListener(registry.getObject()));
      }
    } else if (bean instanceof FailedRecordProcessor handler) {
      handler.setRetryListeners(new DeadLetterCounter(registry.getObject()));
    }
    return bean;
  }

  /** Counts records recovered (published to the dead-letter topic) after failed deliveries. */
  static final class DeadLetterCounter implements RetryListener {

    private final MeterRegistry registry;

    DeadLetterCounter(MeterRegistry registry) {
      this.registry = registry;
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {}

    @Override
    public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
      Counter.builder("galley.dlt.records")
          .description("records sent to the dead-letter topic, by the topic they came from")
          .tag("topic", record.topic())
          .register(registry)
          .increment();
    }
  }
}
