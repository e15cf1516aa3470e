package io.galley.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

/**
 * The observability every Galley service shares at its Kafka edge, beside Spring Boot's tracing
 * (Micrometer Tracing over OpenTelemetry) and Spring Kafka's observation of templates and
 * listeners: commit spans with the commit as baggage, the clock of manifest publication times, and
 * two observation handlers Spring Boot registers with the observation registry (manifest receipts,
 * dead-letter counts).
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
      "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure"
          + ".OpenTelemetryTracingAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
    })
public class KafkaObservabilityConfiguration {

  @Bean
  CommitClock commitClock() {
    return new CommitClock();
  }

  @Bean
  CommitTracing commitTracing(ObjectProvider<Tracer> tracer) {
    return new CommitTracing(tracer.getIfAvailable(() -> Tracer.NOOP));
  }

  @Bean
  ManifestReceipts manifestReceipts(CommitClock clock, CommitTracing tracing) {
    return new ManifestReceipts(clock, tracing);
  }

  @Bean
  @ConditionalOnBean(MeterRegistry.class)
  DeadLetterCounter deadLetterCounter(MeterRegistry registry) {
    return new DeadLetterCounter(registry);
  }
}
