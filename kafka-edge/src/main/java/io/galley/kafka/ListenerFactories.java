package io.galley.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/** Builds Galley's listener container factories. */
public final class ListenerFactories {

  private ListenerFactories() {}

  /**
   * A factory whose consumers read committed records only, commit no offsets automatically, fit the
   * largest asset record, and wrap {@code values} so a malformed record reaches {@code
   * errorHandler} instead of blocking its partition.
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
    factory.setConsumerFactory(
        new DefaultKafkaConsumerFactory<>(
            props, new StringDeserializer(), new ErrorHandlingDeserializer<>(values)));
    factory.setCommonErrorHandler(errorHandler);
    return factory;
  }
}
