package io.galley.export;

import io.galley.testsupport.KafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The same test on Testcontainers' Kafka; skipped where no Docker engine answers. */
@Testcontainers(disabledWithoutDocker = true)
class ExportServiceContainerIT extends AbstractExportServiceIT {

  @DynamicPropertySource
  static void kafka(DynamicPropertyRegistry registry) throws IOException {
    String state = Files.createTempDirectory("export-container-it").toString();
    registry.add("spring.kafka.bootstrap-servers", () -> KafkaBroker.CONTAINER.bootstrapServers());
    registry.add("galley.export.state-dir", () -> state);
  }

  @Override
  String bootstrapServers() {
    return KafkaBroker.CONTAINER.bootstrapServers();
  }
}
