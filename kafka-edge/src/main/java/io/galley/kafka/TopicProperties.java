package io.galley.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How every service creates Galley's topics, prefix {@code galley.topics}; each setting, when
 * unset, falls back to the service's own ({@code galley.<service>.partitions}, {@code
 * galley.render.replication-factor}), then to 3 partitions and replication factor 1.
 *
 * @param partitions partitions of every topic but the dead letters (joined topics must be equal)
 * @param replicationFactor replicas of every topic
 */
@ConfigurationProperties("galley.topics")
public record TopicProperties(Integer partitions, Integer replicationFactor) {

  public TopicProperties {
    if (partitions != null && partitions < 1) {
      throw new IllegalArgumentException(
          "galley.topics.partitions must be >= 1, got " + partitions);
    }
    if (replicationFactor != null && replicationFactor < 1) {
      throw new IllegalArgumentException(
          "galley.topics.replication-factor must be >= 1, got " + replicationFactor);
    }
  }

  /** This setting, else the service's ({@code serviceSetting}, 0 when it has none), else 3. */
  public int partitionsOr(int serviceSetting) {
    return partitions != null ? partitions : serviceSetting > 0 ? serviceSetting : 3;
  }

  /** This setting, else the service's ({@code serviceSetting}, 0 when it has none), else 1. */
  public int replicationFactorOr(int serviceSetting) {
    return replicationFactor != null ? replicationFactor : serviceSetting > 0 ? serviceSetting : 1;
  }
}
