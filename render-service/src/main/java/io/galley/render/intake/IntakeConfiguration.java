package io.galley.render.intake;

import io.galley.events.CommitEvent;
import io.galley.events.EventDeserializer;
import io.galley.events.SourceDocument;
import io.galley.events.Topics;
import io.galley.kafka.DeadLetters;
import io.galley.kafka.JoinedTopicsCheck;
import io.galley.kafka.ListenerFactories;
import io.galley.render.publishing.PublishingConfiguration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * The consumer {@link BookRecordsListener} reads through (topics and health are kafka-edge's): the
 * joined topics' check, the listener factory of both topics, the error handler that retries, then
 * dead-letters.
 */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

  static final String GROUP = "galley-render";
  static final String SERVICE = PublishingConfiguration.SERVICE;

  @Bean
  JoinedTopicsCheck joinedTopicsCheck(KafkaAdmin admin) {
    return new JoinedTopicsCheck(admin, SERVICE, List.of(Topics.SOURCE, Topics.RECENT_COMMITS));
  }

  @Bean
  DefaultErrorHandler renderErrorHandler(KafkaTemplate<String, Object> renderKafkaTemplate) {
    return DeadLetters.errorHandler(renderKafkaTemplate, SERVICE, IllegalArgumentException.class);
  }

  /** Sources and commits through one consumer: partition p of both on the same instance. */
  @Bean
  ConcurrentKafkaListenerContainerFactory<String, Object> joinListenerFactory(
      KafkaProperties kafka, DefaultErrorHandler renderErrorHandler) {
    return ListenerFactories.joined(
        kafka.buildConsumerProperties(),
        GROUP,
        Map.of(
            Topics.SOURCE,
            new EventDeserializer<>(SourceDocument.class),
            Topics.RECENT_COMMITS,
            new EventDeserializer<>(CommitEvent.class)),
        renderErrorHandler);
  }
}
