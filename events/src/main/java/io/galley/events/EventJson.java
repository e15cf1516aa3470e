package io.galley.events;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of Galley's events. Thread-safe; built once. Unknown properties are ignored
 * so that older readers accept newer records (tolerant reader).
 */
public final class EventJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .build();

  private EventJson() {}

  /** The shared mapper. */
  public static JsonMapper mapper() {
    return MAPPER;
  }

  /** Serialises an event; alternatives carry their {@code type} property. */
  public static byte[] toBytes(Object value) {
    return MAPPER.writerFor(wireType(value)).writeValueAsBytes(value);
  }

  /** Serialises an event to a JSON string. */
  public static String toJson(Object value) {
    return MAPPER.writerFor(wireType(value)).writeValueAsString(value);
  }

  /** Reads an event of the given type. */
  public static <T> T fromBytes(byte[] bytes, Class<T> type) {
    return MAPPER.readValue(bytes, type);
  }

  /** Reads an event of the given type from a JSON string. */
  public static <T> T fromJson(String json, Class<T> type) {
    return MAPPER.readValue(json, type);
  }

  private static Class<?> wireType(Object value) {
    if (value instanceof CommitEvent) {
      return CommitEvent.class;
    }
    if (value instanceof EditionEvent) {
      return EditionEvent.class;
    }
    return value.getClass();
  }
}
