package io.galley.export.assembly;

import io.galley.events.CommitEvent;
import io.galley.events.EditionEvent;
import io.galley.events.EventDeserializer;
import io.galley.events.EventSerializer;
import io.galley.events.RenderedChapter;
import io.galley.events.Topics;
import io.galley.kafka.DeadLetters;
import io.galley.kafka.JoinedTopicsCheck;
import io.galley.kafka.ListenerFactories;
import io.galley.kafka.ProducerSettings;
import io.galley.kafka.ReplayHealthIndicator;
import io.galley.kafka.TopicProgress;
import io.micrometer.observation.ObservationRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;

/**
 * Kafka edges of the export service (topics and health are kafka-edge's): consumers, the error
 * handler and the publisher. The build chain between them is {@link EditionBuildConfiguration}'s.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafka
class ExportKafkaConfiguration {

  static final String GROUP = "galley-export";
  static final String SERVICE = "export-service";

  @Bean
  JoinedTopicsCheck joinedTopicsCheck(KafkaAdmin admin) {
    return new JoinedTopicsCheck(admin, SERVICE, List.of(Topics.RECENT_COMMITS, Topics.RENDERED));
  }

  @Bean
  CommonErrorHandler exportErrorHandler(
      KafkaProperties kafka, KafkaConnectionDetails connection, ObservationRegistry observations) {
    Map<String, Object> props = ProducerSettings.of(kafka, connection);
    KafkaTemplate<Object, Object> dlt =
        new KafkaTemplate<>(
            new DefaultKafkaProducerFactory<>(
                props, new RawOrEventSerializer(), new RawOrEventSerializer()));
    observe(dlt, observations);
    return DeadLetters.errorHandler(dlt, SERVICE);
  }

  /** Commits and rendered chapters through one consumer: partition p of both on one instance. */
  @Bean
  ConcurrentKafkaListenerContainerFactory<String, Object> joinFactory(
      KafkaProperties kafka, CommonErrorHandler handler) {
    return ListenerFactories.joined(
        kafka.buildConsumerProperties(), GROUP, joinedValues(), handler);
  }

  private static Map<String, Deserializer<?>> joinedValues() {
    return Map.of(
        Topics.RECENT_COMMITS,
        new EventDeserializer<>(CommitEvent.class),
        Topics.RENDERED,
        new EventDeserializer<>(RenderedChapter.class));
  }

  /** Every instance reads every book's commits and chapters for the portal: a group of its own. */
  @Bean
  ConcurrentKafkaListenerContainerFactory<String, Object> portalFactory(
      KafkaProperties kafka, CommonErrorHandler handler) {
    return ListenerFactories.joined(
        kafka.buildConsumerProperties(),
        ListenerFactories.instanceGroup(GROUP, "portal"),
        joinedValues(),
        handler);
  }

  /** Every instance reads every edition (to list and serve them): a group of its own. */
  @Bean
  ConcurrentKafkaListenerContainerFactory<String, EditionEvent> editionsFactory(
      KafkaProperties kafka, CommonErrorHandler handler) {
    return ListenerFactories.create(
        kafka.buildConsumerProperties(),
        ListenerFactories.instanceGroup(GROUP, "editions"),
        new EventDeserializer<>(EditionEvent.class),
        handler);
  }

  @Bean
  EditionPublisher editionPublisher(
      KafkaProperties kafka, KafkaConnectionDetails connection, ObservationRegistry observations) {
    Map<String, Object> props = ProducerSettings.of(kafka, connection);
    KafkaTemplate<String, Object> template =
        new KafkaTemplate<>(
            new DefaultKafkaProducerFactory<>(
                props, new StringSerializer(), new EventSerializer()));
    observe(template, observations);
    return new KafkaEditionPublisher(template);
  }

  /** A span and W3C trace headers per record sent (the template is no bean: given the registry). */
  private static void observe(KafkaTemplate<?, ?> template, ObservationRegistry observations) {
    template.setObservationRegistry(observations);
    template.setObservationEnabled(true);
  }

  /**
   * Ready once every edition, commit and rendered chapter written before the start is known, so
   * downloads, the catalog and the portal answer for every book.
   */
  @Bean
  ReplayHealthIndicator replayHealthIndicator(KafkaListenerEndpointRegistry registry) {
    return new ReplayHealthIndicator(registry, List.of(EditionListener.ID, PortalFeedListener.ID));
  }

  /** How far this instance has read the editions (builds wait for it after taking books). */
  @Bean
  TopicProgress exportEditionsProgress(KafkaAdmin admin) {
    return new TopicProgress(admin, Topics.EDITIONS);
  }

  /** Dead letters carry the bytes as they arrived; anything else is written as event JSON. */
  static final class RawOrEventSerializer implements Serializer<Object> {
    private final EventSerializer events = new EventSerializer();

    @Override
    public byte[] serialize(String topic, Object data) {
      if (data == null || data instanceof byte[]) {
        return (byte[]) data;
      }
      if (data instanceof String s) {
        return s.getBytes(StandardCharsets.UTF_8);
      }
      return events.serialize(topic, data);
    }
  }
}
