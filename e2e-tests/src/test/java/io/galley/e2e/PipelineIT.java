package io.galley.e2e;

import io.galley.testsupport.KafkaBroker;
import org.junit.jupiter.api.BeforeAll;

/**
 * The pipeline on the in-JVM KRaft broker (or the container when {@code -Dgalley.kafka=container}).
 */
class PipelineIT extends PipelineTests {

  @BeforeAll
  static void start() {
    startStack(KafkaBroker.selected());
  }
}
