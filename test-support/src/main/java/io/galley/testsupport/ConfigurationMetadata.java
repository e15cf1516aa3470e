package io.galley.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Locale;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Spring configuration metadata the build writes for a service's settings, as an IDE reads it,
 * and the names Boot gives a property in a start-up failure.
 */
public final class ConfigurationMetadata {

  private static final String FILE = "META-INF/spring-configuration-metadata.json";
  private static final Pattern DASHED = Pattern.compile("-(.)");

  private ConfigurationMetadata() {}

  /**
   * The metadata entry of property {@code name}; fails if no metadata file on the class path has
   * it.
   */
  public static JsonNode property(String name) {
    try {
      for (URL url : Collections.list(loader().getResources(FILE))) {
        try (InputStream in = url.openStream()) {
          JsonNode properties = JsonMapper.shared().readTree(in).get("properties");
          for (JsonNode property :
              properties == null ? JsonMapper.shared().createArrayNode() : properties) {
            if (property.get("name").asString().equals(name)) {
              return property;
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError(name + " is not in any " + FILE + " on the class path");
  }

  /**
   * The property as Boot's binder names a failing field ({@code galley.ingest.leaseTimeout} for
   * {@code galley.ingest.lease-timeout}).
   */
  public static String fieldPath(String name) {
    return DASHED.matcher(name).replaceAll(m -> m.group(1).toUpperCase(Locale.ROOT));
  }

  private static ClassLoader loader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : ConfigurationMetadata.class.getClassLoader();
  }
}
