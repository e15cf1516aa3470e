package io.galley.ingest.lease;

import io.galley.ingest.IngestProperties;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The lease and its topic (one partition, replicated as the broker's default). */
@Configuration(proxyBeanMethods = false)
class LeaseConfiguration {

  @Bean
  NewTopic ingestLeaseTopic() {
    return new NewTopic(IngestLease.TOPIC, Optional.of(1), Optional.empty());
  }

  @Bean
  IngestLease ingestLease(KafkaProperties kafka, IngestProperties properties) {
    return new IngestLease(kafka, properties);
  }
}
