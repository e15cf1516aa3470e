package io.galley.render.publishing;

import io.galley.events.EventSerializer;
import org.apache.kafka.common.serialization.Serializer;

/** Events as JSON, raw bytes as they are (dead letters carry the original bytes). */
final class PayloadSerializer implements Serializer<Object> {

  private final EventSerializer events = new EventSerializer();

  @Override
  public byte[] serialize(String topic, Object data) {
    return data instanceof byte[] bytes ? bytes : events.serialize(topic, data);
  }
}
