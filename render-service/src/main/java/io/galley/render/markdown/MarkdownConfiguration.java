package io.galley.render.markdown;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one converter of the service. */
@Configuration(proxyBeanMethods = false)
class MarkdownConfiguration {

  @Bean
  MarkdownConverter markdownConverter() {
    return new MarkdownConverter();
  }
}
