package io.galley.export.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.kafka.autoconfigure.SslBundleSslEngineFactory;
import org.springframework.boot.ssl.SslBundle;

class ExportProducerSettingsTest {

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
  void keepsSpringKafkaSettingsAndTheConnectionsSslBundleAndForcesWhatExportNeeds() {
    KafkaProperties kafka = new KafkaProperties();
    kafka.getProducer().setClientId("export-a");
    kafka.getProducer().setAcks("0");
    kafka.getProducer().getProperties().put("linger.ms", "7");
    kafka.getProducer().getProperties().put("transactional.id", "someone-else");
    kafka.getProperties().put("sasl.mechanism", "SCRAM-SHA-512");
    kafka.getSecurity().setProtocol("SASL_SSL");

    Map<String, Object> props = ExportProducerSettings.of(kafka, TLS_BROKER);

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
        .doesNotContainKey(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
  }
}
