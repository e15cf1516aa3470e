package io.galley.kafka;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Readiness of an instance that rebuilds what it serves from topics it reads whole (the editions,
 * the portal's history): OUT_OF_SERVICE, with the partitions still behind, until each named
 * listener has read every partition assigned to it to its end once; then UP for good (later lag is
 * normal work, not a start). "Read to the end" is the consumer's own per-partition lag, which
 * counts to the last stable offset, so a transaction's commit marker at a topic's end does not hold
 * it back; it is learnt at a fetch, so readiness may come at most one poll's batch early.
 */
public final class ReplayHealthIndicator implements HealthIndicator {

  private static final String LAG = "records-lag";
  private static final String FETCH_GROUP = "consumer-fetch-manager-metrics";

  private final Function<String, MessageListenerContainer> containers;
  private final List<String> listenerIds;
  private volatile boolean caughtUp;

  /**
   * @param registry the service's listener containers
   * @param listenerIds the ids of the listeners that replay topics whole at start
   */
  public ReplayHealthIndicator(KafkaListenerEndpointRegistry registry, List<String> listenerIds) {
    this(registry::getListenerContainer, listenerIds);
  }

  /** The same, with the containers looked up by id with {@code containers}. */
  ReplayHealthIndicator(
      Function<String, MessageListenerContainer> containers, List<String> listenerIds) {
    this.containers = containers;
    this.listenerIds = List.copyOf(listenerIds);
  }

  @Override
  public Health health() {
    if (caughtUp) {
      return Health.up().build();
    }
    Map<String, Object> behind = new TreeMap<>();
    for (String id : listenerIds) {
      MessageListenerContainer container = containers.apply(id);
      Collection<TopicPartition> assigned =
          container == null || !container.isRunning() ? null : container.getAssignedPartitions();
      if (assigned == null || assigned.isEmpty()) {
        behind.put(id, "no partitions assigned yet");
        continue;
      }
      Map<String, Double> lags = lags(container);
      for (TopicPartition tp : assigned) {
        Double lag = lags.get(key(tp.topic(), Integer.toString(tp.partition())));
        if (lag == null || lag.isNaN() || lag > 0) {
          behind.put(
              tp.toString(), lag == null || lag.isNaN() ? "not fetched yet" : lag.longValue());
        }
      }
    }
    if (behind.isEmpty()) {
      caughtUp = true;
      return Health.up().build();
    }
    return Health.outOfService().withDetail("replaying", behind).build();
  }

  /** Each partition's current lag, by {@link #key}. */
  private static Map<String, Double> lags(MessageListenerContainer container) {
    Map<String, Double> lags = new TreeMap<>();
    for (Map<MetricName, ? extends Metric> metrics : container.metrics().values()) {
      metrics.forEach(
          (name, metric) -> {
            Map<String, String> tags = name.tags();
            if (LAG.equals(name.name())
                && FETCH_GROUP.equals(name.group())
                && tags.containsKey("topic")
                && tags.containsKey("partition")
                && metric.metricValue() instanceof Number lag) {
              lags.put(key(tags.get("topic"), tags.get("partition")), lag.doubleValue());
            }
          });
    }
    return lags;
  }

  /** The client writes a topic's dots as underscores in metric tags: compare both that way. */
  private static String key(String topic, String partition) {
    return topic.replace('.', '_') + "-" + partition;
  }
}
