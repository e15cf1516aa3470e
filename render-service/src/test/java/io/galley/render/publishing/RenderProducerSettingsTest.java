package io.galley.render.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.kafka.BookPartitioner;
import java.io.OutputStream;
import java.nio.file.Files;
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

/** What {@code spring.kafka.*} says for producers reaches the producer render publishes with. */
class RenderProducerSettingsTest {

  @Test
  void springKafkaProducerAndSslSettingsReachTheRenderProducer(@TempDir Path dir) throws Exception {
    Path trust = dir.resolve("trust.p12");
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    try (OutputStream out = Files.newOutputStream(trust)) {
      store.store(out, "secret".toCharArray());
    }
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(SslAutoConfiguration.class, KafkaAutoConfiguration.class))
        .withPropertyValues(
            "spring.kafka.bootstrap-servers=broker.test:9094",
            "spring.kafka.producer.compression-type=zstd",
            "spring.kafka.security.protocol=SSL",
            "spring.kafka.ssl.bundle=galley",
            "spring.ssl.bundle.jks.galley.truststore.location=" + trust.toUri(),
            "spring.ssl.bundle.jks.galley.truststore.password=secret",
            "spring.ssl.bundle.jks.galley.truststore.type=PKCS12")
        .run(
            context -> {
              Map<String, Object> props =
                  new PublishingConfiguration()
                      .renderKafkaTemplate(
                          context.getBean(KafkaProperties.class),
                          context.getBean(KafkaConnectionDetails.class))
                      .getProducerFactory()
                      .getConfigurationProperties();
              assertThat(props)
                  .containsEntry(
                      ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, List.of("broker.test:9094"))
                  .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd")
                  .containsEntry("security.protocol", "SSL")
                  .containsEntry("ssl.engine.factory.class", SslBundleSslEngineFactory.class)
                  .containsEntry(
                      SslBundle.class.getName(),
                      context.getBean(SslBundles.class).getBundle("galley"))
                  .containsEntry(
                      ProducerConfig.PARTITIONER_CLASS_CONFIG, BookPartitioner.class.getName());
            });
  }
}
