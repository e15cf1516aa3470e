package io.galley.fault;

import io.galley.events.EventHeaders;
import io.galley.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Fills the dead-letter topic the way a bad day does: a couple of dozen 2 MB chapters that failed,
 * with the headers the services' error handler writes, so {@code GET /api/dlt} has real weight.
 */
final class DeadLetterSeed {

  private DeadLetterSeed() {}

  static void seed(String bootstrap, int count, int bytes) throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    byte[] value = new byte[bytes];
    Arrays.fill(value, (byte) 'x');
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < count; i++) {
        ProducerRecord<String, byte[]> r =
            new ProducerRecord<>(Topics.DLT, HostileBook.ID + "/dead-" + i, value);
        r.headers()
            .add(
                EventHeaders.DLT_EXCEPTION,
                ("java.lang.IllegalStateException: seeded dead letter " + i)
                    .getBytes(StandardCharsets.UTF_8))
            .add(
                EventHeaders.DLT_ORIGIN,
                ("guide.source.v1-0@" + i).getBytes(StandardCharsets.UTF_8))
            .add(EventHeaders.SOURCE, "render-service".getBytes(StandardCharsets.UTF_8));
        producer.send(r).get();
      }
    }
  }
}
