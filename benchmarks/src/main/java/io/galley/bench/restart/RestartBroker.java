package io.galley.bench.restart;

import io.galley.events.Topics;
import io.galley.testsupport.KafkaBroker;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A real one-node KRaft broker inside the harness JVM (spring-kafka-test's, as the service tests
 * use, started by test-support) on free ports, with Galley's topics created as {@link Topics#all}
 * declares them, the partition count given. It stops when the harness JVM exits.
 *
 * <p>The compacted topics (sources, recent commits, rendered chapters, editions) compact within
 * about an hour of writing in production ({@code segment.ms}, {@code delete.retention.ms}); the
 * harness writes a history of months in a minute, so it sets both to {@link #AGED} on them, and
 * {@link #awaitCompacted} waits for the log cleaner, so a service starts on topics as a day of real
 * use would leave them.
 */
final class RestartBroker {

  /** The windowed topics' segment and tombstone times here: the hour of production, shortened. */
  static final Duration AGED = Duration.ofSeconds(5);

  private static final List<String> COMPACTED =
      List.of(Topics.SOURCE, Topics.RECENT_COMMITS, Topics.RENDERED, Topics.EDITIONS);

  private final String bootstrapServers;

  RestartBroker(int partitions) throws Exception {
    bootstrapServers = KafkaBroker.startEmbedded();
    KafkaBroker.createTopics(bootstrapServers, partitions);
    try (Admin admin = admin()) {
      Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
      for (String topic : COMPACTED) {
        changes.put(
            new ConfigResource(ConfigResource.Type.TOPIC, topic),
            List.of(
                set("segment.ms", AGED.toMillis()),
                set("delete.retention.ms", AGED.toMillis()),
                set("min.cleanable.dirty.ratio", 0.01)));
      }
      admin.incrementalAlterConfigs(changes).all().get(30, TimeUnit.SECONDS);
    }
  }

  String bootstrapServers() {
    return bootstrapServers;
  }

  /**
   * Waits until the windowed topics' size on disk stops shrinking (the cleaner has dropped retired
   * and superseded records, then their tombstones), at most {@code max}; returns the bytes before
   * and after.
   */
  long[] awaitCompacted(Duration max) throws Exception {
    // a segment rolls on the first append after segment.ms: one record per partition closes the
    // segments the history ended in (a tombstone of a key no one wrote and no service reads as a
    // book's)
    try (var producer =
        new KafkaProducer<String, String>(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
            new StringSerializer(),
            new StringSerializer())) {
      Thread.sleep(AGED.toMillis() + 1000);
      for (String topic : COMPACTED) {
        for (var p : producer.partitionsFor(topic)) {
          producer.send(new ProducerRecord<>(topic, p.partition(), "bench-roll", null));
        }
      }
      producer.flush();
    }
    long before = windowedBytes();
    long deadline = System.nanoTime() + max.toNanos();
    long last = before;
    int steady = 0;
    while (System.nanoTime() < deadline && steady < 4) {
      Thread.sleep(10_000);
      long now = windowedBytes();
      steady = now < last ? 0 : steady + 1;
      last = now;
    }
    return new long[] {before, last};
  }

  private long windowedBytes() throws Exception {
    try (Admin admin = admin()) {
      long total = 0;
      Map<Integer, Map<String, LogDirDescription>> dirs =
          admin
              .describeLogDirs(
                  admin.describeCluster().nodes().get().stream().map(n -> n.id()).toList())
              .allDescriptions()
              .get(30, TimeUnit.SECONDS);
      for (Map<String, LogDirDescription> byDir : dirs.values()) {
        for (LogDirDescription dir : byDir.values()) {
          for (var e : dir.replicaInfos().entrySet()) {
            if (COMPACTED.contains(e.getKey().topic())) {
              total += e.getValue().size();
            }
          }
        }
      }
      return total;
    }
  }

  private Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
  }

  private static AlterConfigOp set(String name, Object value) {
    return new AlterConfigOp(
        new ConfigEntry(name, String.valueOf(value)), AlterConfigOp.OpType.SET);
  }
}
