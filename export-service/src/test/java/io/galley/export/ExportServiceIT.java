package io.galley.export;

import io.galley.testsupport.KafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The export service on the selected broker (in-JVM KRaft by default). */
class ExportServiceIT extends AbstractExportServiceIT {

  @DynamicPropertySource
  static void kafka(DynamicPropertyRegistry registry) throws IOException {
    String state = Files.createTempDirectory("export-it").toString();
    registry.add("spring.kafka.bootstrap-servers", () -> KafkaBroker.selected().bootstrapServers());
    registry.add("galley.export.state-dir", () -> state);
  }

  @Override
  String bootstrapServers() {
    return KafkaBroker.selected().bootstrapServers();
  }
}
