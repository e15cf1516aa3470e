package io.galley.kafka;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;

/**
 * A listener that replays its partitions from the beginning on every assignment, so a restarted
 * service rebuilds its state from Kafka (Kafka is the source of truth).
 */
public abstract class ReplayingListener extends AbstractConsumerSeekAware {

  @Override
  public void onPartitionsAssigned(
      Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
    super.onPartitionsAssigned(assignments, callback);
    callback.seekToBeginning(assignments.keySet());
  }
}
