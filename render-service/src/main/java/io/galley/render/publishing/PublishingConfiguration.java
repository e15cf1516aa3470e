package io.galley.render.publishing;

import io.galley.kafka.ProducerSettings;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
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

  /**
   * Render's producer: {@code spring.kafka.*} with Galley's forced settings ({@link
   * ProducerSettings}).
   */
  @Bean
  KafkaTemplate<String, Object> renderKafkaTemplate(
      KafkaProperties kafka, KafkaConnectionDetails connection) {
    KafkaTemplate<String, Object> template =
        new KafkaTemplate<>(
            new DefaultKafkaProducerFactory<>(
                ProducerSettings.of(kafka, connection),
                new StringSerializer(),
                new PayloadSerializer()));
    template.setObservationEnabled(true); // a span and W3C trace headers per record sent
    return template;
  }
}
