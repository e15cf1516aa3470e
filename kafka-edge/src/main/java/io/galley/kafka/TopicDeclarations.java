package io.galley.kafka;

import io.galley.events.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Galley's topics as every service declares them at start-up (Spring's {@link KafkaAdmin} creates
 * the missing ones; {@link TopicsCheck} refuses existing ones that differ where it matters), from
 * the one list in {@link Topics}.
 */
public final class TopicDeclarations {

  /** The topic setting {@link TopicsCheck} compares with the existing topics. */
  static final String CLEANUP_POLICY = "cleanup.policy";

  static final String MIN_INSYNC_REPLICAS = "min.insync.replicas";

  private TopicDeclarations() {}

  /**
   * Every topic with {@code galley.topics.partitions} (the dead letters and the ingest lease keep
   * their one), the replicas and, when set, {@code min.insync.replicas}.
   */
  public static KafkaAdmin.NewTopics of(TopicProperties properties) {
    return new KafkaAdmin.NewTopics(list(properties).toArray(NewTopic[]::new));
  }

  /** The same declarations as a list. */
  public static List<NewTopic> list(TopicProperties properties) {
    return Topics.all(properties.partitions()).stream()
        .map(
            spec -> {
              Map<String, String> configs = new HashMap<>(spec.configs());
              if (properties.minInsyncReplicas() != null) {
                configs.put(MIN_INSYNC_REPLICAS, properties.minInsyncReplicas().toString());
              }
              return TopicBuilder.name(spec.name())
                  .partitions(spec.partitions())
                  .replicas(properties.replicationFactor())
                  .configs(configs)
                  .build();
            })
        .toList();
  }
}
