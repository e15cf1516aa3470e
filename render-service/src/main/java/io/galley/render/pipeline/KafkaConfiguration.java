package io.galley.render.pipeline;

import io.galley.events.CommitEvent;
import io.galley.events.EventDeserializer;
import io.galley.events.EventHeaders;
import io.galley.events.SourceDocument;
import io.galley.events.Topics;
import io.galley.render.RenderProperties;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;

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
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_ASSET_MESSAGE_BYTES);
    return new KafkaTemplate<>(
        new DefaultKafkaProducerFactory<>(props, new StringSerializer(), new PayloadSerializer()));
  }

  @Bean
  DefaultErrorHandler renderErrorHandler(KafkaTemplate<String, Object> renderKafkaTemplate) {
    DeadLetterPublishingRecoverer recoverer =
        new DeadLetterPublishingRecoverer(
            renderKafkaTemplate, (record, ex) -> new TopicPartition(Topics.DLT, -1));
    recoverer.setHeadersFunction(
        (record, ex) -> {
          RecordHeaders headers = new RecordHeaders();
          Throwable cause = ex.getCause() == null ? ex : ex.getCause();
          headers.add(new RecordHeader(EventHeaders.DLT_EXCEPTION, bytes(String.valueOf(cause))));
          headers.add(
              new RecordHeader(
                  EventHeaders.DLT_ORIGIN,
                  bytes(record.topic() + "-" + record.partition() + "@" + record.offset())));
          headers.add(new RecordHeader(EventHeaders.SOURCE, bytes(SERVICE)));
          return headers;
        });
    DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(500L, 2L));
    handler.addNotRetryableExceptions(IllegalArgumentException.class);
    return handler;
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

  @Bean
  ConcurrentKafkaListenerContainerFactory<String, byte[]> assetListenerFactory(
      KafkaProperties kafka, DefaultErrorHandler renderErrorHandler) {
    return factory(kafka, new ByteArrayDeserializer(), renderErrorHandler);
  }

  private static <T> ConcurrentKafkaListenerContainerFactory<String, T> factory(
      KafkaProperties kafka, Deserializer<T> values, DefaultErrorHandler errorHandler) {
    Map<String, Object> props = new HashMap<>(kafka.buildConsumerProperties());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(
        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_ASSET_MESSAGE_BYTES + 1024);
    ConcurrentKafkaListenerContainerFactory<String, T> factory =
        new ConcurrentKafkaListenerContainerFactory<>();
    factory.setConsumerFactory(
        new DefaultKafkaConsumerFactory<>(
            props, new StringDeserializer(), new ErrorHandlingDeserializer<>(values)));
    factory.setCommonErrorHandler(errorHandler);
    return factory;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
