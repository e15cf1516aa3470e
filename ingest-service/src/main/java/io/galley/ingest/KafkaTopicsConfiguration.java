package io.galley.ingest;

import io.galley.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** Declares Galley's topics at start-up; existing topics are left as they are. */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

  @Bean
  KafkaAdmin.NewTopics galleyTopics(IngestProperties properties) {
    return new KafkaAdmin.NewTopics(
        Topics.all(properties.partitions()).stream()
            .map(
                spec ->
                    new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(spec.configs()))
            .toArray(NewTopic[]::new));
  }
}
