package io.galley.observability;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Registers the Kafka-edge observability every Galley service shares: the clock of commit
 * publication times and the instrumentation of listener container factories and error handlers.
 * Picked up by Spring Boot's auto-configuration, so a service only needs this module on its
 * classpath.
 */
@AutoConfiguration
public class KafkaObservabilityConfiguration {

  @Bean
  CommitClock commitClock() {
    return new CommitClock();
  }

  // static: a BeanPostProcessor must not force its configuration class to be created early
  @Bean
  static KafkaInstrumentation kafkaInstrumentation(
      ObjectProvider<MeterRegistry> registry, ObjectProvider<CommitClock> clock) {
    return new KafkaInstrumentation(registry, clock);
  }
}
