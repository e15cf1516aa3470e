package io.galley.render.pipeline;

import io.galley.events.CommitEvent;
import io.galley.events.EventDeserializer;
import io.galley.events.SourceDocument;
import io.galley.events.Topics;
import io.galley.kafka.DeadLetters;
import io.galley.kafka.ListenerFactories;
import io.galley.render.RenderProperties;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;

/** Kafka at the edge: topics, the producer, one consumer factory per payload, one error handler. */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

  static final String GROUP = "galley-render";
  static final String SERVICE = "render-service";

  @Bean
  KafkaAdmin.NewTopics galleyTopics(RenderProperties properties) {
    return new KafkaAdmin.NewTopics(
        Topics.all(properties.partitions()).stream()
            .map(
                s ->
                    TopicBuilder.name(s.name())
                        .partitions(s.partitions())
                        .replicas(properties.replicationFactor())
                        .configs(s.configs())
                        .build())
            .toArray(NewTopic[]::new));
  }

  @Bean
  KafkaTemplate<String, Object> renderKafkaTemplate(KafkaProperties kafka) {
    Map<String, Object> props = new HashMap<>(kafka.buildProducerProperties());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return new KafkaTemplate<>(
        new DefaultKafkaProducerFactory<>(props, new StringSerializer(), new PayloadSerializer()));
  }

  @Bean
  DefaultErrorHandler renderErrorHandler(KafkaTemplate<String, Object> renderKafkaTemplate) {
    return DeadLetters.errorHandler(renderKafkaTemplate, SERVICE, IllegalArgumentException.class);
  }

  @Bean
  ConcurrentKafkaListenerContainerFactory<String, SourceDocument> sourceListenerFactory(
      KafkaProperties kafka, DefaultErrorHandler renderErrorHandler) {
    return factory(kafka, new EventDeserializer<>(SourceDocument.class), renderErrorHandler);
  }

  @Bean
  ConcurrentKafkaListenerContainerFactory<String, CommitEvent> commitListenerFactory(
      KafkaProperties kafka, DefaultErrorHandler renderErrorHandler) {
    return factory(kafka, new EventDeserializer<>(CommitEvent.class), renderErrorHandler);
  }

  private static <T> ConcurrentKafkaListenerContainerFactory<String, T> factory(
      KafkaProperties kafka, Deserializer<T> values, DefaultErrorHandler errorHandler) {
    return ListenerFactories.create(kafka.buildConsumerProperties(), GROUP, values, errorHandler);
  }
}
