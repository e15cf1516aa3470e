package io.galley.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares the declared topics with those that already exist, before Spring's {@code KafkaAdmin}
 * creates the missing ones: an existing topic with fewer partitions than declared (Spring would add
 * partitions, moving books to other partitions under their readers) or another {@code
 * cleanup.policy} (a compacted topic read as a log, or the other way round) stops start-up with a
 * message naming the topic, the property and both values. More partitions than declared are fine;
 * other differences are logged. When Kafka cannot be reached it only warns, as a service may start
 * before its broker.
 */
public final class TopicsCheck {

  private static final Logger log = LoggerFactory.getLogger(TopicsCheck.class);
  private static final long TIMEOUT_SECONDS = 15;

  private final Map<String, Object> adminConfig;

  /**
   * @param adminConfig the connection settings of the service's Kafka admin
   */
  public TopicsCheck(Map<String, Object> adminConfig) {
    this.adminConfig = new HashMap<>(adminConfig);
    this.adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    this.adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 14_000);
  }

  /**
   * Checks {@code declared} against the broker and returns the differences that are only logged
   * (empty when all match); logs a warning instead when Kafka does not answer.
   *
   * @throws IllegalStateException when an existing topic has fewer partitions or another cleanup
   *     policy, naming every such topic
   */
  public List<String> verify(Collection<NewTopic> declared) {
    try {
      return compare(declared);
    } catch (ExecutionException e) {
      log.warn("cannot check the existing topics: {}", String.valueOf(e.getCause()));
    } catch (TimeoutException e) {
      log.warn("cannot check the existing topics: Kafka did not answer in time");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking the existing topics", e);
    }
    return List.of();
  }

  private List<String> compare(Collection<NewTopic> declared)
      throws ExecutionException, TimeoutException, InterruptedException {
    List<String> refused = new ArrayList<>();
    List<String> noted = new ArrayList<>();
    List<String> warned = new ArrayList<>();
    try (Admin admin = Admin.create(adminConfig)) {
      Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      List<NewTopic> present = declared.stream().filter(t -> existing.contains(t.name())).toList();
      if (present.isEmpty()) {
        return List.of();
      }
      List<String> names = present.stream().map(NewTopic::name).toList();
      Map<String, TopicDescription> described =
          admin.describeTopics(names).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      Map<ConfigResource, Config> configs =
          admin
              .describeConfigs(
                  names.stream()
                      .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n))
                      .toList())
              .all()
              .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      for (NewTopic topic : present) {
        TopicDescription actual = described.get(topic.name());
        Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
        compareOne(topic, actual, config, refused, noted, warned);
      }
    }
    if (!refused.isEmpty()) {
      throw new IllegalStateException(
          "existing topics differ from what this service declares: "
              + String.join("; ", refused)
              + " (existing topics are never changed: alter or recreate them, or change the"
              + " setting)");
    }
    noted.forEach(n -> log.info("existing topic {}", n));
    warned.forEach(w -> log.warn("existing topic {}", w));
    List<String> all = new ArrayList<>(noted);
    all.addAll(warned);
    return all;
  }

  private static void compareOne(
      NewTopic topic,
      TopicDescription actual,
      Config config,
      List<String> refused,
      List<String> noted,
      List<String> warned) {
    String name = topic.name();
    int partitions = actual.partitions().size();
    if (partitions < topic.numPartitions()) {
      refused.add(
          name
              + " has "
              + partitions
              + " partitions but galley.topics.partitions declares "
              + topic.numPartitions());
    } else if (partitions > topic.numPartitions()) {
      noted.add(
          name
              + " has "
              + partitions
              + " partitions, more than the "
              + topic.numPartitions()
              + " declared (galley.topics.partitions): fine, it keeps them");
    }
    String policy = topic.configs().get(TopicDeclarations.CLEANUP_POLICY);
    String actualPolicy = value(config, TopicDeclarations.CLEANUP_POLICY);
    if (policy != null && !policy.equals(actualPolicy)) {
      refused.add(
          name
              + " has cleanup.policy="
              + actualPolicy
              + " but Galley's topic list (io.galley.events.Topics) declares cleanup.policy="
              + policy);
    }
    int replicas = actual.partitions().get(0).replicas().size();
    if (replicas != topic.replicationFactor()) {
      warned.add(
          name
              + " has "
              + replicas
              + " replicas, galley.topics.replication-factor declares "
              + topic.replicationFactor());
    }
    topic.configs().entrySet().stream()
        .filter(e -> !e.getKey().equals(TopicDeclarations.CLEANUP_POLICY))
        .filter(e -> !e.getValue().equals(value(config, e.getKey())))
        .map(
            e ->
                name
                    + " has "
                    + e.getKey()
                    + "="
                    + value(config, e.getKey())
                    + ", declared "
                    + e.getValue())
        .forEach(warned::add);
  }

  private static String value(Config config, String key) {
    var entry = config == null ? null : config.get(key);
    return entry == null ? null : entry.value();
  }
}
