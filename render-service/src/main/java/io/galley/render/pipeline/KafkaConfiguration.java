package io.galley.render.pipeline;

import io.galley.events.CommitEvent;
import io.galley.events.EventDeserializer;
import io.galley.events.SourceDocument;
import io.galley.events.Topics;
import io.galley.kafka.BookPartitioner;
import io.galley.kafka.DeadLetters;
import io.galley.kafka.JoinedTopicsCheck;
import io.galley.kafka.ListenerFactories;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * Kafka at the edge (topics and health are kafka-edge's): the joined topics' check, the producer
 * (with the book partitioner), the join's consumer factory, the error handler.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

  static final String GROUP = "galley-render";
  static final String SERVICE = "render-service";

  @Bean
  JoinedTopicsCheck joinedTopicsCheck(KafkaAdmin admin) {
    return new JoinedTopicsCheck(admin, SERVICE, List.of(Topics.SOURCE, Topics.RECENT_COMMITS));
  }

  @Bean
  KafkaTemplate<String, Object> renderKafkaTemplate(KafkaProperties kafka) {
    Map<String, Object> props = new HashMap<>(kafka.buildProducerProperties());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, BookPartitioner.class.getName());
    KafkaTemplate<String, Object> template =
        new KafkaTemplate<>(
            new DefaultKafkaProducerFactory<>(
                props, new StringSerializer(), new PayloadSerializer()));
    template.setObservationEnabled(true); // a span and W3C trace headers per record sent
    return template;
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

  private static <T> ConcurrentKafkaListenerContainerFactory<String, T> factory(
      KafkaProperties kafka, Deserializer<T> values, DefaultErrorHandler errorHandler) {
    return ListenerFactories.create(kafka.buildConsumerProperties(), GROUP, values, errorHandler);
  }
}
