package io.galley.kafka;

import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * What every service has at its Kafka edge, in one place: Galley's topic declarations (from {@link
 * TopicProperties}), checked against the existing topics before Spring's {@link KafkaAdmin} creates
 * the missing ones, and the {@code kafka} health indicator.
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@EnableConfigurationProperties(TopicProperties.class)
public class KafkaEdgeConfiguration {

  /**
   * The declarations, built as a singleton so the check runs before {@link KafkaAdmin} looks for
   * them (after every singleton exists): an existing topic it would widen or that has another
   * cleanup policy stops start-up here, untouched.
   */
  @Bean
  @ConditionalOnBean(KafkaAdmin.class)
  KafkaAdmin.NewTopics galleyTopics(TopicProperties properties, KafkaAdmin admin) {
    List<NewTopic> declared = TopicDeclarations.list(properties);
    new TopicsCheck(admin.getConfigurationProperties()).verify(declared);
    return new KafkaAdmin.NewTopics(declared.toArray(NewTopic[]::new));
  }

  @Bean("kafka")
  @ConditionalOnBean(KafkaAdmin.class)
  @ConditionalOnMissingBean(name = "kafka")
  KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
    return new KafkaHealthIndicator(admin);
  }
}
