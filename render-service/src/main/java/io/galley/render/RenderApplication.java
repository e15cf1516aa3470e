package io.galley.render;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The render service: Markdown chapters to XHTML fragments, the HTML site edition, preview. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RenderApplication {

  /** A builder that reads {@code render-service.yml}, so several services can share one JVM. */
  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(RenderApplication.class)
        .properties("spring.config.name=render-service");
  }

  public static void main(String[] args) {
    builder().run(args);
  }
}
