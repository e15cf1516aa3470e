package io.galley.ingest;

import io.galley.kafka.TopicDeclarations;
import io.galley.kafka.TopicProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** Declares Galley's topics at start-up; existing topics are left as they are. */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

  @Bean
  KafkaAdmin.NewTopics galleyTopics(TopicProperties topics, IngestProperties properties) {
    // ingest has no replication setting of its own: galley.topics.replication-factor, else 1
    return TopicDeclarations.of(topics, properties.partitions(), 0);
  }
}
