package io.galley.render.publishing;

import io.galley.kafka.BookPartitioner;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The render service's producer (with the book partitioner), which {@link KafkaRenderPublisher} and
 * the dead-letter handler send through.
 */
@Configuration(proxyBeanMethods = false)
public class PublishingConfiguration {

  /** The service's name in the headers of the records it sends (dead letters included). */
  public static final String SERVICE = "render-service";

  @Bean
  KafkaTemplate<String, Object> renderKafkaTemplate(KafkaProperties kafka) {
    Map<String, Object> props = new HashMap<>(kafka.buildProducerProperties());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, BookPartitioner.class.getName());
    return new KafkaTemplate<>(
        new DefaultKafkaProducerFactory<>(props, new StringSerializer(), new PayloadSerializer()));
  }
}
