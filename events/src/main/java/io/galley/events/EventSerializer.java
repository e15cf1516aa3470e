package io.galley.events;

import org.apache.kafka.common.serialization.Serializer;

/** Kafka serializer for every Galley event record; null stays null (a tombstone). */
public final class EventSerializer implements Serializer<Object> {

  @Override
  public byte[] serialize(String topic, Object data) {
    return data == null ? null : EventJson.toBytes(data);
  }
}
