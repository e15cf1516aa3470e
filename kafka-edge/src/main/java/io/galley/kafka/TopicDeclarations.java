package io.galley.kafka;

import io.galley.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Galley's topics as every service declares them at start-up (Spring's {@link KafkaAdmin} creates
 * the missing ones and leaves existing ones as they are), from the one list in {@link Topics}.
 */
public final class TopicDeclarations {

  private TopicDeclarations() {}

  /** Every topic with {@code partitions} (the dead letters keep theirs) and the replicas given. */
  public static KafkaAdmin.NewTopics of(int partitions, int replicationFactor) {
    if (replicationFactor < 1 || replicationFactor > Short.MAX_VALUE) {
      throw new IllegalArgumentException(
          "replication factor must be between 1 and "
              + Short.MAX_VALUE
              + ", got "
              + replicationFactor);
    }
    return new KafkaAdmin.NewTopics(
        Topics.all(partitions).stream()
            .map(
                spec ->
                    TopicBuilder.name(spec.name())
                        .partitions(spec.partitions())
                        .replicas(replicationFactor)
                        .configs(spec.configs())
                        .build())
            .toArray(NewTopic[]::new));
  }

  /** The declarations for a service's own settings, overridden by {@code galley.topics.*}. */
  public static KafkaAdmin.NewTopics of(
      TopicProperties shared, int servicePartitions, int serviceReplicationFactor) {
    return of(
        shared.partitionsOr(servicePartitions),
        shared.replicationFactorOr(serviceReplicationFactor));
  }
}
