package io.galley.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ConsumerSeekAware.ConsumerSeekCallback;

/** Which books' state a joined listener keeps, drops and replays across rebalances. */
class CoPartitionedListenerTest {

  final List<Set<Integer>> released = new ArrayList<>();
  final List<Set<Integer>> acquired = new ArrayList<>();
  final List<TopicPartition> replayed = new ArrayList<>();
  int revocations;

  final CoPartitionedListener listener =
      new CoPartitionedListener() {
        @Override
        protected void release(Set<Integer> partitions) {
          released.add(partitions);
        }

        @Override
        protected void revoking() {
          revocations++;
        }

        @Override
        protected void acquired(Set<Integer> partitions) {
          acquired.add(partitions);
        }
      };

  /** Records the partitions the listener seeks to their beginning; other seeks are not used. */
  final ConsumerSeekCallback callback =
      (ConsumerSeekCallback)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {ConsumerSeekCallback.class},
              (proxy, method, args) -> {
                if (method.getName().equals("seekToBeginning")) {
                  @SuppressWarnings("unchecked")
                  Collection<TopicPartition> partitions = (Collection<TopicPartition>) args[0];
                  replayed.addAll(partitions);
                }
                return null;
              });

  static Map<TopicPartition, Long> positions(Object... topicPartitionOffset) {
    Map<TopicPartition, Long> out = new LinkedHashMap<>();
    for (int i = 0; i < topicPartitionOffset.length; i += 3) {
      out.put(
          new TopicPartition(
              (String) topicPartitionOffset[i], (Integer) topicPartitionOffset[i + 1]),
          ((Integer) topicPartitionOffset[i + 2]).longValue());
    }
    return out;
  }

  void read(String topic, int partition, long offset) {
    listener.processed(new ConsumerRecord<>(topic, partition, offset, "k", "v"));
  }

  /** An eager rebalance: everything held is revoked, then the new assignment arrives. */
  void rebalance(Map<TopicPartition, Long> assignment) {
    List<TopicPartition> held = new ArrayList<>();
    listener
        .owned()
        .forEach(p -> List.of("s", "c").forEach(t -> held.add(new TopicPartition(t, p))));
    listener.onPartitionsRevoked(held);
    assertThat(listener.owned()).isEmpty(); // nothing is held while the group rebalances
    replayed.clear();
    listener.onPartitionsAssigned(assignment, callback);
  }

  @Test
  void replaysGainedPartitionsKeepsThoseReadOnAndReleasesTheRest() {
    listener.onPartitionsAssigned(positions("s", 0, 0, "c", 0, 0, "s", 1, 0, "c", 1, 0), callback);
    assertThat(replayed).hasSize(4);
    assertThat(acquired).containsExactly(Set.of(0, 1));
    assertThat(listener.owned()).containsExactlyInAnyOrder(0, 1);
    read("s", 0, 4);
    read("c", 0, 9);
    read("s", 1, 2);

    // partition 1 goes to another instance; partition 0 resumes where this one stopped
    rebalance(positions("s", 0, 5, "c", 0, 10));
    assertThat(revocations).isEqualTo(1);
    assertThat(replayed).isEmpty();
    assertThat(released).containsExactly(Set.of(1));
    assertThat(acquired).last().isEqualTo(Set.of());
    assertThat(listener.owned()).containsExactly(0);

    // another instance read partition 0 in between: its state here is stale, replayed whole
    rebalance(positions("s", 0, 7, "c", 0, 10));
    assertThat(released).last().isEqualTo(Set.of(0));
    assertThat(replayed)
        .containsExactlyInAnyOrder(new TopicPartition("s", 0), new TopicPartition("c", 0));
    assertThat(acquired).last().isEqualTo(Set.of(0));
  }
}
