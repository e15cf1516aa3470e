package io.galley.export.assembly;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;

/** A listener that replays its partitions from the beginning, so state is rebuilt from Kafka. */
abstract class SeekingListener extends AbstractConsumerSeekAware {

  @Override
  public void onPartitionsAssigned(
      Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
    super.onPartitionsAssigned(assignments, callback);
    callback.seekToBeginning(assignments.keySet());
  }
}
