package io.galley.testsupport;

import io.galley.events.TopicSpec;
import io.galley.events.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A real Kafka broker shared by every test in a JVM, started on first use and stopped at JVM exit.
 * {@link #EMBEDDED} is spring-kafka-test's in-JVM KRaft broker; {@link #CONTAINER} is
 * Testcontainers' Kafka image and needs a Docker engine. Tests written against {@link
 * #bootstrapServers()} run unchanged on either.
 */
public enum KafkaBroker {
  /** In-JVM KRaft broker; always available. */
  EMBEDDED,
  /** Testcontainers' {@code apache/kafka} image; needs Docker. */
  CONTAINER;

  /** The image the container variant runs; the same Kafka line as the clients. */
  public static final String IMAGE = "apache/kafka:4.1.2";

  private String bootstrap;

  /**
   * The broker the test run asked for: {@code -Dgalley.kafka=container} or {@code embedded}, else
   * embedded.
   */
  public static KafkaBroker selected() {
    return "container".equalsIgnoreCase(System.getProperty("galley.kafka", "embedded"))
        ? CONTAINER
        : EMBEDDED;
  }

  /** Whether a Docker engine answers, so container tests can run. */
  public static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /**
   * The broker's bootstrap servers; starts the broker and creates Galley's topics on first call.
   */
  public synchronized String bootstrapServers() {
    if (bootstrap == null) {
      bootstrap = this == EMBEDDED ? startEmbedded() : startContainer();
      createTopics(bootstrap);
    }
    return bootstrap;
  }

  /**
   * Starts another in-JVM KRaft broker on free ports, with no topics, stopped when the JVM exits;
   * returns its bootstrap servers (for harnesses that need a broker of their own).
   */
  public static String startEmbedded() {
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
    // one broker: transactions need their internal topics at replication factor 1
    broker.brokerProperties(
        Map.of(
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "offsets.topic.replication.factor", "1",
            "group.initial.rebalance.delay.ms", "0"));
    broker.afterPropertiesSet();
    Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-stop"));
    return broker.getBrokersAsString();
  }

  @SuppressWarnings("resource") // stopped by Testcontainers' reaper at JVM exit
  private static String startContainer() {
    KafkaContainer container = new KafkaContainer(IMAGE);
    container.start();
    return container.getBootstrapServers();
  }

  /** Creates every Galley topic as DESIGN.md specifies; existing topics are left alone. */
  public static void createTopics(String bootstrapServers) {
    createTopics(bootstrapServers, 3);
  }

  /** The same with {@code partitions} partitions (the dead letters keep theirs). */
  public static void createTopics(String bootstrapServers, int partitions) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (Admin admin = Admin.create(props)) {
      List<NewTopic> topics = new ArrayList<>();
      for (TopicSpec spec : Topics.all(partitions)) {
        topics.add(new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(spec.configs()));
      }
      admin.createTopics(topics).values().values().forEach(KafkaBroker::awaitCreated);
    }
  }

  /** Creates a topic of a test's own with {@code partitions} partitions and one replica. */
  public static void createTopic(String bootstrapServers, String topic, int partitions) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (Admin admin = Admin.create(props)) {
      awaitCreated(admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all());
    }
  }

  private static void awaitCreated(org.apache.kafka.common.KafkaFuture<Void> future) {
    try {
      future.get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("could not create topic", e.getCause());
      }
    } catch (Exception e) {
      throw new IllegalStateException("could not create topic", e);
    }
  }
}
