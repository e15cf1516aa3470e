package io.galley.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.EventHeaders;
import java.nio.ByteBuffer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Where a dead letter came from: Spring's headers first, Galley's {@code topic-partition@offset}
 * else.
 */
class DeadLetterHeadersTest {

  @Test
  void readsSpringsOriginHeaders() {
    RecordHeaders h = new RecordHeaders();
    h.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, "guide.commits.v1".getBytes());
    h.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(2).array());
    h.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(99L).array());
    EventHeaders.put(h, EventHeaders.DLT_ORIGIN, "ignored-7@1");
    assertThat(DeadLetterHeaders.read(h).originTopic()).isEqualTo("guide.commits.v1");
    assertThat(DeadLetterHeaders.read(h).originPartition()).isEqualTo(2);
    assertThat(DeadLetterHeaders.read(h).originOffset()).isEqualTo(99L);
  }

  @Test
  void fallsBackToGalleysOriginHeader() {
    RecordHeaders h = new RecordHeaders();
    EventHeaders.put(h, EventHeaders.DLT_ORIGIN, "guide.source.v1-2@41");
    assertThat(DeadLetterHeaders.read(h).originTopic()).isEqualTo("guide.source.v1");
    assertThat(DeadLetterHeaders.read(h).originPartition()).isEqualTo(2);
    assertThat(DeadLetterHeaders.read(h).originOffset()).isEqualTo(41L);
  }

  @Test
  void hasNoOriginWithoutHeaders() {
    RecordHeaders h = new RecordHeaders();
    assertThat(DeadLetterHeaders.read(h).originTopic()).isNull();
    assertThat(DeadLetterHeaders.read(h).originPartition()).isEqualTo(-1);
    assertThat(DeadLetterHeaders.read(h).originOffset()).isEqualTo(-1L);
    EventHeaders.put(h, EventHeaders.DLT_ORIGIN, "garbage");
    assertThat(DeadLetterHeaders.read(h).originTopic()).isNull();
  }
}
