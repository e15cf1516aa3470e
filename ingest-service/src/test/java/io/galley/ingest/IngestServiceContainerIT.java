package io.galley.ingest;

import io.galley.testsupport.KafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The same scenario on Testcontainers' Kafka; skipped where no Docker engine answers. */
@Testcontainers(disabledWithoutDocker = true)
class IngestServiceContainerIT extends AbstractIngestServiceIT {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    register(registry, KafkaBroker.CONTAINER, "container");
  }
}
