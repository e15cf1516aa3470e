package io.galley.fault;

import io.galley.events.CommitEvent;
import io.galley.events.CommitRejected;
import io.galley.events.EditionEvent;
import io.galley.events.EditionFailed;
import io.galley.events.EditionPublished;
import io.galley.events.EventJson;
import io.galley.events.TopicSpec;
import io.galley.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The cluster's topics, created and read as a client would (an AdminClient, a consumer). */
final class ClusterKafka {

  private final String bootstrap;

  ClusterKafka(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  /**
   * Creates every topic of {@link Topics#all} with replication factor 3 and {@code
   * min.insync.replicas} 2, before any service starts: a service that declares a missing topic
   * itself would create it with its own replication factor (1 where it has no setting for it).
   * Returns true, or throws (a broker not registered yet refuses replication factor 3).
   */
  boolean createTopics(int partitions) throws InterruptedException, TimeoutException {
    try (Admin admin = Admin.create(adminProperties())) {
      List<NewTopic> topics = new ArrayList<>();
      for (TopicSpec spec : Topics.all(partitions)) {
        Map<String, String> configs = new HashMap<>(spec.configs());
        configs.put("min.insync.replicas", Integer.toString(ClusterBrokers.MIN_INSYNC_REPLICAS));
        topics.add(
            new NewTopic(spec.name(), spec.partitions(), (short) ClusterBrokers.REPLICATION_FACTOR)
                .configs(configs));
      }
      // each topic on its own: a retry after a partial failure finds some already there
      for (var created : admin.createTopics(topics).values().entrySet()) {
        try {
          created.getValue().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException(
                "could not create " + created.getKey() + ": " + e.getCause(), e.getCause());
          }
        }
      }
    }
    return true;
  }

  /** The smallest replica count of any partition, by topic (internal topics included). */
  Map<String, Integer> replicationFactors() throws Exception {
    try (Admin admin = Admin.create(adminProperties())) {
      var names =
          admin
              .listTopics(new ListTopicsOptions().listInternal(true))
              .names()
              .get(30, TimeUnit.SECONDS);
      Map<String, Integer> out = new TreeMap<>();
      for (TopicDescription d :
          admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
        out.put(
            d.name(), d.partitions().stream().mapToInt(p -> p.replicas().size()).min().orElse(0));
      }
      return out;
    }
  }

  /** Every edition event on {@link Topics#EDITIONS}, committed ones only, in partition order. */
  List<ClusterReport.Edition> editionEvents() {
    List<ClusterReport.Edition> out = new ArrayList<>();
    readAll(
        Topics.EDITIONS,
        bytes -> {
          EditionEvent e = EventJson.fromBytes(bytes, EditionEvent.class);
          if (e instanceof EditionPublished p) {
            out.add(
                new ClusterReport.Edition(
                    p.bookId(), p.commit(), p.format().name(), p.sha256(), null));
          } else if (e instanceof EditionFailed f) {
            out.add(
                new ClusterReport.Edition(
                    f.bookId(), f.commit(), f.format().name(), "", f.error()));
          }
        });
    return out;
  }

  /** Every commit decision on {@link Topics#COMMITS}, committed ones only. */
  List<ClusterReport.Decision> commitEvents() {
    List<ClusterReport.Decision> out = new ArrayList<>();
    readAll(
        Topics.COMMITS,
        bytes -> {
          CommitEvent e = EventJson.fromBytes(bytes, CommitEvent.class);
          out.add(new ClusterReport.Decision(e.bookId(), e.commit(), e instanceof CommitRejected));
        });
    return out;
  }

  private void readAll(String topic, java.util.function.Consumer<byte[]> sink) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts =
          consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts, Duration.ofSeconds(30));
      while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("reading " + topic + " took more than 90 s");
        }
        consumer
            .poll(Duration.ofMillis(200))
            .forEach(
                r -> {
                  if (r.value() != null) {
                    sink.accept(r.value());
                  }
                });
      }
    }
  }

  private Properties adminProperties() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000);
    return props;
  }
}
