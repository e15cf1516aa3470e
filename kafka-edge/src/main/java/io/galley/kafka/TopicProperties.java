package io.galley.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How every service declares Galley's topics, prefix {@code galley.topics}. Each service's yml sets
 * {@code partitions} (and render's {@code replication-factor}) from the older per-service setting
 * ({@code galley.<service>.partitions}, {@code galley.render.replication-factor}) when that one is
 * given, so both names keep working.
 *
 * @param partitions partitions of every topic but the dead letters (joined topics must be equal);
 *     an existing topic with fewer stops start-up
 * @param replicationFactor replicas of every topic the service creates
 * @param minInsyncReplicas {@code min.insync.replicas} of every topic, or unset for the broker's
 *     default
 */
@ConfigurationProperties("galley.topics")
public record TopicProperties(
    @DefaultValue("3") int partitions,
    @DefaultValue("1") int replicationFactor,
    Integer minInsyncReplicas) {

  public TopicProperties {
    if (partitions < 1) {
      throw new IllegalArgumentException(
          "galley.topics.partitions must be >= 1, got " + partitions);
    }
    if (replicationFactor < 1 || replicationFactor > Short.MAX_VALUE) {
      throw new IllegalArgumentException(
          "galley.topics.replication-factor must be between 1 and "
              + Short.MAX_VALUE
              + ", got "
              + replicationFactor);
    }
    if (minInsyncReplicas != null
        && (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor)) {
      throw new IllegalArgumentException(
          "galley.topics.min-insync-replicas must be between 1 and galley.topics.replication-factor ("
              + replicationFactor
              + "), got "
              + minInsyncReplicas);
    }
  }

  /** The defaults: 3 partitions, one replica, the broker's {@code min.insync.replicas}. */
  public static TopicProperties defaults() {
    return new TopicProperties(3, 1, null);
  }
}
