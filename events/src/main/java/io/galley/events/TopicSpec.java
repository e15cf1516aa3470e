package io.galley.events;

import java.util.Map;
import java.util.Objects;

/**
 * How a topic is created.
 *
 * @param name the topic name
 * @param partitions at least 1
 * @param configs topic-level configuration such as {@code cleanup.policy}
 */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {

  public TopicSpec {
    Objects.requireNonNull(name, "name");
    if (partitions < 1) {
      throw new IllegalArgumentException(
          "partitions must be >= 1 for " + name + ", got " + partitions);
    }
    configs = Map.copyOf(configs);
  }
}
