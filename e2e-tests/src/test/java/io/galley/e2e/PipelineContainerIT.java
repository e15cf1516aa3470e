package io.galley.e2e;

import io.galley.testsupport.KafkaBroker;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The same pipeline test on Testcontainers' Kafka; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class PipelineContainerIT extends PipelineTests {

  @BeforeAll
  static void start() {
    startStack(KafkaBroker.CONTAINER);
  }
}
