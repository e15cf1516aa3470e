package io.galley.bench.restart;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether a service has read its topics to their end, from the broker's side: the offsets its live
 * consumer groups (those named {@code galley-<service>...} with members) have committed, against
 * each partition's end. The services commit after each batch they processed. A shared group keeps
 * the offsets of the previous instance, so this holds only when commits were added since that
 * instance stopped, as they always are between two runs of the benchmark.
 */
final class ConsumerLag implements AutoCloseable {

  private final Admin admin;

  ConsumerLag(String bootstrapServers) {
    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
  }

  /** The topics a service reads (its joined topics and the editions). */
  static List<String> topicsOf(String service) {
    return service.equals("render")
        ? List.of("guide.source.v1", "guide.recent-commits.v1", "guide.editions.v1")
        : List.of("guide.recent-commits.v1", "guide.rendered.v1", "guide.editions.v1");
  }

  /** Whether the live groups of {@code service} have committed every partition's end. */
  boolean caughtUp(String service, int partitions) {
    try {
      List<String> groups =
          admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS).stream()
              .map(ConsumerGroupListing::groupId)
              .filter(g -> g.startsWith("galley-" + service))
              .toList();
      Map<String, ConsumerGroupDescription> described =
          admin.describeConsumerGroups(groups).all().get(10, TimeUnit.SECONDS);
      Map<TopicPartition, Long> committed = new HashMap<>();
      for (ConsumerGroupDescription group : described.values()) {
        if (group.members().isEmpty()) {
          continue; // a group of an instance that stopped
        }
        Map<TopicPartition, OffsetAndMetadata> offsets =
            admin
                .listConsumerGroupOffsets(group.groupId())
                .partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS);
        offsets.forEach((tp, o) -> committed.merge(tp, o == null ? 0 : o.offset(), Math::max));
      }
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      partitionsOf(topicsOf(service), partitions)
          .forEach(tp -> latest.put(tp, OffsetSpec.latest()));
      Map<TopicPartition, Long> ends = new HashMap<>();
      admin
          .listOffsets(latest)
          .all()
          .get(10, TimeUnit.SECONDS)
          .forEach((tp, info) -> ends.put(tp, info.offset()));
      return readToEnd(ends, committed);
    } catch (Exception e) {
      return false; // the broker did not answer in time: not known to be caught up
    }
  }

  /** Whether every partition's committed offset has reached its end (none committed counts 0). */
  static boolean readToEnd(Map<TopicPartition, Long> ends, Map<TopicPartition, Long> committed) {
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      if (committed.getOrDefault(end.getKey(), 0L) < end.getValue()) {
        return false;
      }
    }
    return true;
  }

  /** The partitions of {@code topics}, 0 to {@code partitions - 1}. */
  static Collection<TopicPartition> partitionsOf(List<String> topics, int partitions) {
    return topics.stream()
        .flatMap(t -> IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(t, p)))
        .toList();
  }

  @Override
  public void close() {
    admin.close();
  }
}
