package io.galley.export;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The export service: builds PDF and EPUB editions, stores them and serves downloads. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ExportApplication {

  /** A builder reading {@code export-service.yml}, so several services can share one JVM. */
  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(ExportApplication.class)
        .properties("spring.config.name=export-service");
  }

  public static void main(String[] args) {
    builder().run(args);
  }
}
