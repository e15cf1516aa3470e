package io.galley.ingest;

import io.galley.testsupport.KafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The ingest service on the broker the run selected (in-JVM KRaft by default). */
class IngestServiceIT extends AbstractIngestServiceIT {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    register(registry, KafkaBroker.selected(), "it");
  }
}
