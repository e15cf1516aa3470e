package io.galley.export.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.galley.events.EditionFormat;
import io.galley.events.EditionPublished;
import io.galley.export.ExportApplication;
import io.galley.testsupport.KafkaBroker;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Producer settings given through {@code spring.kafka.*} reach the producer export publishes its
 * editions with, on a real broker: seen in the running producer's own metrics.
 */
class ExportProducerSettingsIT {

  @TempDir Path state;

  @Test
  void springKafkaProducerSettingsReachTheEditionPublisher() throws Exception {
    String clientId = "export-settings-it-" + UUID.randomUUID().toString().substring(0, 8);
    try (ConfigurableApplicationContext app =
        ExportApplication.builder()
            .run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + KafkaBroker.EMBEDDED.bootstrapServers(),
                "--galley.export.state-dir=" + state.resolve("state"),
                "--galley.blob.directory=" + state.resolve("blobs"),
                // a typed producer setting and a free property, the two ways spring.kafka.* has
                "--spring.kafka.producer.client-id=" + clientId,
                "--spring.kafka.producer.properties.compression.type=gzip")) {
      String book = "settings-" + clientId;
      app.getBean(EditionPublisher.class)
          .publish(
              new EditionPublished(
                  "0123456789abcdef0123456789abcdef",
                  book,
                  "ab".repeat(20),
                  EditionFormat.PDF,
                  "ff".repeat(32),
                  1234,
                  3,
                  Instant.parse("2026-05-01T08:00:00Z"),
                  5,
                  "/editions/0123456789abcdef0123456789abcdef.pdf"));

      MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
      ObjectName pattern =
          new ObjectName("kafka.producer:type=producer-metrics,client-id=" + clientId + "*");
      Set<ObjectName> producers = jmx.queryNames(pattern, null);
      assertThat(producers).as("producers named by spring.kafka.producer.client-id").isNotEmpty();
      // an uncompressed batch has a rate of 1; gzip shrinks the repetitive JSON of the event
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(producers)
                      .anySatisfy(
                          name ->
                              assertThat((Double) jmx.getAttribute(name, "compression-rate-avg"))
                                  .isBetween(0.0, 0.99)));
    }
  }
}
