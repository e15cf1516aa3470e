package io.galley.render.markdown;

import io.galley.render.RenderProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one converter of the service, with the configured limits. */
@Configuration(proxyBeanMethods = false)
class MarkdownConfiguration {

  @Bean
  MarkdownConverter markdownConverter(RenderProperties properties) {
    return new MarkdownConverter(properties.markdown());
  }
}
