package io.galley.bench.restart;

import io.galley.events.Topics;
import io.galley.testsupport.KafkaBroker;

/**
 * A real one-node KRaft broker inside the harness JVM (spring-kafka-test's, as the service tests
 * use, started by test-support) on free ports, with Galley's topics created as {@link Topics#all}
 * declares them, the partition count given. It stops when the harness JVM exits.
 */
final class RestartBroker {

  private final String bootstrapServers;

  RestartBroker(int partitions) {
    bootstrapServers = KafkaBroker.startEmbedded();
    KafkaBroker.createTopics(bootstrapServers, partitions);
  }

  String bootstrapServers() {
    return bootstrapServers;
  }
}
