package io.galley.bench.restart;

import io.galley.events.TopicSpec;
import io.galley.events.Topics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real one-node KRaft broker inside the harness JVM (spring-kafka-test's, as the service tests
 * use) on free ports, with Galley's topics created as {@link Topics#all} declares them, the
 * partition count given.
 */
final class RestartBroker implements AutoCloseable {

  private final EmbeddedKafkaKraftBroker broker;

  RestartBroker(int partitions) throws Exception {
    broker = new EmbeddedKafkaKraftBroker(1, 1);
    // one broker: the transactions ingest uses need their internal topics at replication 1
    broker.brokerProperties(
        Map.of(
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "offsets.topic.replication.factor", "1",
            "group.initial.rebalance.delay.ms", "0"));
    broker.afterPropertiesSet();
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
      List<NewTopic> topics = Topics.all(partitions).stream().map(RestartBroker::newTopic).toList();
      admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
    }
  }

  private static NewTopic newTopic(TopicSpec spec) {
    return new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(spec.configs());
  }

  String bootstrapServers() {
    return broker.getBrokersAsString();
  }

  @Override
  public void close() {
    broker.destroy();
  }
}
