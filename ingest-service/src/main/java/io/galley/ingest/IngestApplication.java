package io.galley.ingest;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The ingest service: turns git commits of Markdown books into source, asset and commit events. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IngestApplication {

  /** A builder that reads {@code ingest-service.yml}, so several services can share one JVM. */
  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(IngestApplication.class)
        .properties("spring.config.name=ingest-service");
  }

  public static void main(String[] args) {
    builder().run(args);
  }
}
