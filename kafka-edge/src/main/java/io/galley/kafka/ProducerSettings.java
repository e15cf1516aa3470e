package io.galley.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SslConfigs;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.kafka.autoconfigure.SslBundleSslEngineFactory;
import org.springframework.boot.ssl.SslBundle;

/**
 * The configuration of every Galley producer: everything {@code spring.kafka.*} says for a producer
 * (producer, security, SSL and free {@code properties.*} settings, the connection details with
 * their SSL bundle, as Spring Boot's own producer factory gets them), then what Galley forces: acks
 * from every replica, idempotence, {@link BookPartitioner}, no transactional id (a service that
 * uses transactions gives its factory the prefix) and no serializer classes (each service gives its
 * serializers as instances).
 */
public final class ProducerSettings {

  private ProducerSettings() {}

  /** The producer configuration from {@code kafka} and {@code connection}. */
  public static Map<String, Object> of(KafkaProperties kafka, KafkaConnectionDetails connection) {
    Map<String, Object> props = new HashMap<>(kafka.buildProducerProperties());
    // Boot 4 keeps the servers, the protocol and the SSL bundle in the connection details (a
    // Testcontainers or cloud binding may replace them), not in buildProducerProperties
    KafkaConnectionDetails.Configuration producer = connection.getProducer();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, producer.getBootstrapServers());
    String protocol = producer.getSecurityProtocol();
    if (protocol != null && !protocol.isEmpty()) {
      props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol);
    }
    SslBundle bundle = producer.getSslBundle();
    if (bundle != null) {
      props.put(SslConfigs.SSL_ENGINE_FACTORY_CLASS_CONFIG, SslBundleSslEngineFactory.class);
      props.put(SslBundle.class.getName(), bundle);
    }
    // what the pipeline relies on: every record written once and on every replica, in its book's
    // partition (keys are bookId/...)
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, BookPartitioner.class.getName());
    props.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    props.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
    props.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
    return props;
  }
}
