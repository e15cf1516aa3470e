package io.galley.events;

import java.util.Objects;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer for one event type; null stays null (a tombstone). Wrap it in an
 * error-handling deserializer so a malformed record goes to the dead-letter topic.
 *
 * @param <T> the record type, or {@link CommitEvent} / {@link EditionEvent} for alternatives
 */
public final class EventDeserializer<T> implements Deserializer<T> {

  private final Class<T> type;

  /** A deserializer producing {@code type}. */
  public EventDeserializer(Class<T> type) {
    this.type = Objects.requireNonNull(type, "type");
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    return data == null ? null : EventJson.fromBytes(data, type);
  }
}
