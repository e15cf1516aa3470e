package io.galley.kafka;

import io.micrometer.core.instrument.Metrics;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTopicDeserializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/** Builds Galley's listener container factories. */
public final class ListenerFactories {

  private ListenerFactories() {}

  /**
   * A factory whose consumers read committed records only, commit no offsets automatically, and
   * wrap {@code values} so a malformed record reaches {@code errorHandler} instead of blocking its
   * partition. Its containers are observed (a span per delivery, retries included, continuing the
   * producer's trace from the W3C {@code traceparent} header; the commit baggage in the MDC) and
   * its consumers report Kafka client metrics (lag) to Micrometer's global registry, which Spring
   * Boot binds its registry to ({@code management.metrics.use-global-registry}, on by default).
   *
   * @param consumerProperties the service's consumer settings (from {@code spring.kafka.*})
   * @param group the consumer group
   */
  public static <V> ConcurrentKafkaListenerContainerFactory<String, V> create(
      Map<String, Object> consumerProperties,
      String group,
      Deserializer<V> values,
      CommonErrorHandler errorHandler) {
    Map<String, Object> props = new HashMap<>(consumerProperties);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    ConcurrentKafkaListenerContainerFactory<String, V> factory =
        new ConcurrentKafkaListenerContainerFactory<>();
    DefaultKafkaConsumerFactory<String, V> consumers =
        new DefaultKafkaConsumerFactory<>(
            props, new StringDeserializer(), new ErrorHandlingDeserializer<>(values));
    consumers.addListener(new MicrometerConsumerListener<>(Metrics.globalRegistry));
    factory.setConsumerFactory(consumers);
    factory.setCommonErrorHandler(errorHandler);
    // the registry is the application context's (the factory is a bean)
    factory.getContainerProperties().setObservationEnabled(true);
    return factory;
  }

  /**
   * A factory for the one listener of a service's joined topics: like {@link #create}, with each
   * topic's values read by its own deserializer and the range assignor, which gives partition p of
   * every subscribed topic to the same member when the topics have equal partition counts.
   *
   * @param valuesByTopic the deserializer of each joined topic
   */
  public static ConcurrentKafkaListenerContainerFactory<String, Object> joined(
      Map<String, Object> consumerProperties,
      String group,
      Map<String, Deserializer<?>> valuesByTopic,
      CommonErrorHandler errorHandler) {
    Map<Pattern, Deserializer<?>> byTopic = new LinkedHashMap<>();
    valuesByTopic.forEach((topic, d) -> byTopic.put(Pattern.compile(Pattern.quote(topic)), d));
    Map<String, Object> props = new HashMap<>(consumerProperties);
    props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
    @SuppressWarnings("unchecked")
    Deserializer<Object> values =
        (Deserializer<Object>)
            (Deserializer<?>)
                new DelegatingByTopicDeserializer(byTopic, ListenerFactories::noSuchTopic);
    ConcurrentKafkaListenerContainerFactory<String, Object> factory =
        create(props, group, values, errorHandler);
    factory.setConcurrency(1); // one member per instance: the join state is the instance's
    return factory;
  }

  /** The deserializer of topics no one joins: none are subscribed, so this never runs. */
  private static Object noSuchTopic(String topic, byte[] data) {
    throw new SerializationException("no deserializer for topic " + topic);
  }

  /**
   * A consumer group of this instance alone ({@code <group>-<purpose>-<random id>}), for topics
   * every instance reads whole, such as the editions.
   */
  public static String instanceGroup(String group, String purpose) {
    return group + "-" + purpose + "-" + UUID.randomUUID();
  }
}
