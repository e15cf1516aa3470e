package io.galley.kafka;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Refuses to start a service whose joined topics have different partition counts: partition p of
 * each would then hold other books, and no instance would see a whole book. Runs after the topics
 * are declared and before any listener starts; when Kafka cannot be reached it only warns (the
 * service may start before its broker).
 */
public final class JoinedTopicsCheck implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(JoinedTopicsCheck.class);
  private static final long TIMEOUT_SECONDS = 15;

  private final Map<String, Object> adminConfig;
  private final String service;
  private final List<String> topics;
  private volatile boolean running;

  /**
   * @param admin the service's Kafka admin (its connection settings are used)
   * @param service the service's name, for the error
   * @param topics the topics the service joins
   */
  public JoinedTopicsCheck(KafkaAdmin admin, String service, List<String> topics) {
    this.adminConfig = new HashMap<>(admin.getConfigurationProperties());
    this.service = service;
    this.topics = List.copyOf(topics);
  }

  /**
   * The partition count of each joined topic.
   *
   * @throws IllegalStateException when they differ, naming each topic and its count
   */
  public Map<String, Integer> verify() throws ExecutionException, TimeoutException {
    Map<String, Object> config = new HashMap<>(adminConfig);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 14_000);
    Map<String, Integer> counts = new LinkedHashMap<>();
    try (Admin client = Admin.create(config)) {
      Map<String, TopicDescription> described =
          client.describeTopics(topics).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      topics.forEach(t -> counts.put(t, described.get(t).partitions().size()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while describing " + topics, e);
    }
    requireEqual(service, counts);
    return counts;
  }

  /** Throws when the counts differ; the message names every topic and its count. */
  static void requireEqual(String service, Map<String, Integer> counts) {
    if (counts.values().stream().distinct().count() > 1) {
      StringBuilder listed = new StringBuilder();
      counts.forEach(
          (topic, n) ->
              listed.append(listed.isEmpty() ? "" : ", ").append(topic).append(" has ").append(n));
      throw new IllegalStateException(
          service
              + " joins "
              + String.join(" and ", counts.keySet())
              + ", which must have the same number of partitions (a book's records of each are"
              + " read by the same instance), but "
              + listed
              + "; give them the same count (galley.topics.partitions for new topics; existing"
              + " topics keep theirs)");
    }
  }

  @Override
  public void start() {
    running = true;
    try {
      log.info("joined topics {} have equal partition counts: {}", topics, verify());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        log.warn("cannot check the partitions of {} yet: {}", topics, e.getCause().getMessage());
      } else {
        log.warn("cannot check the partitions of {}: {}", topics, String.valueOf(e.getCause()));
      }
    } catch (TimeoutException e) {
      log.warn("cannot check the partitions of {}: Kafka did not answer in time", topics);
    }
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Before the listener containers (and the web server) start. */
  @Override
  public int getPhase() {
    return 0;
  }
}
