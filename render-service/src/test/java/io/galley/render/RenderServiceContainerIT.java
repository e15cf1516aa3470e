package io.galley.render;

import io.galley.testsupport.KafkaBroker;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The render service on Testcontainers' Kafka; skipped where there is no Docker engine. */
@Testcontainers(disabledWithoutDocker = true)
class RenderServiceContainerIT extends AbstractRenderServiceIT {

  @Override
  KafkaBroker broker() {
    return KafkaBroker.CONTAINER;
  }
}
