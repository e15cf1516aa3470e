package io.galley.export.wiring;

import org.springframework.kafka.annotation.KafkaListener;

/** Fixture: a Kafka consumer not named as one. */
public class RecordsConsumer {

  @KafkaListener(topics = "guide.editions.v1")
  void on(String record) {}
}
