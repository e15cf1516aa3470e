package io.galley.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.kafka.autoconfigure.SslBundleSslEngineFactory;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** What {@code spring.kafka.*} says reaches {@link ProducerSettings}, and what Galley forces. */
class ProducerSettingsTest {

  /** Connection details as a service binding gives them: servers, a protocol, an SSL bundle. */
  private static final SslBundle BUNDLE = SslBundle.systemDefault();

  private static final KafkaConnectionDetails TLS_BROKER =
      new KafkaConnectionDetails() {
        @Override
        public List<String> getBootstrapServers() {
          return List.of("broker.test:9094");
        }

        @Override
        public SslBundle getSslBundle() {
          return BUNDLE;
        }

        @Override
        public String getSecurityProtocol() {
          return "SSL";
        }
      };

  @Test
  void keepsSpringKafkaSettingsAndTheConnectionsSslBundleAndForcesWhatGalleyNeeds() {
    KafkaProperties kafka = new KafkaProperties();
    kafka.getProducer().setClientId("export-a");
    kafka.getProducer().setAcks("0");
    kafka.getProducer().getProperties().put("linger.ms", "7");
    kafka.getProducer().getProperties().put("transactional.id", "someone-else");
    kafka.getProperties().put("sasl.mechanism", "SCRAM-SHA-512");
    kafka.getSecurity().setProtocol("SASL_SSL");

    Map<String, Object> props = ProducerSettings.of(kafka, TLS_BROKER);

    assertThat(props)
        .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "export-a")
        .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "7")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, List.of("broker.test:9094"))
        .containsEntry("security.protocol", "SSL")
        .containsEntry("ssl.engine.factory.class", SslBundleSslEngineFactory.class)
        .containsEntry(SslBundle.class.getName(), BUNDLE)
        .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
        .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
        .containsEntry(ProducerConfig.PARTITIONER_CLASS_CONFIG, BookPartitioner.class.getName())
        .doesNotContainKey(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
  }

  @Test
  void takesTheSslBundleThatSpringKafkaSslBundleNames(@TempDir Path dir) throws Exception {
    Path trust = dir.resolve("trust.p12");
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    try (OutputStream out = java.nio.file.Files.newOutputStream(trust)) {
      store.store(out, "secret".toCharArray());
    }
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(SslAutoConfiguration.class, KafkaAutoConfiguration.class))
        .withPropertyValues(
            "spring.kafka.bootstrap-servers=broker.test:9094",
            "spring.kafka.security.protocol=SSL",
            "spring.kafka.ssl.bundle=galley",
            "spring.ssl.bundle.jks.galley.truststore.location=" + trust.toUri(),
            "spring.ssl.bundle.jks.galley.truststore.password=secret",
            "spring.ssl.bundle.jks.galley.truststore.type=PKCS12")
        .run(
            context -> {
              Map<String, Object> props =
                  ProducerSettings.of(
                      context.getBean(KafkaProperties.class),
                      context.getBean(KafkaConnectionDetails.class));
              assertThat(props)
                  .containsEntry(
                      ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, List.of("broker.test:9094"))
                  .containsEntry("security.protocol", "SSL")
                  .containsEntry("ssl.engine.factory.class", SslBundleSslEngineFactory.class)
                  .containsEntry(
                      SslBundle.class.getName(),
                      context.getBean(SslBundles.class).getBundle("galley"));
            });
  }
}
