package io.galley.ingest.lease;

import io.galley.ingest.IngestProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The lease; its topic is declared by kafka-edge with Galley's other topics ({@code
 * galley.topics.*}).
 */
@Configuration(proxyBeanMethods = false)
class LeaseConfiguration {

  @Bean
  IngestLease ingestLease(KafkaProperties kafka, IngestProperties properties) {
    return new IngestLease(kafka, properties);
  }
}
