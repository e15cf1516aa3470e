package io.galley.render.site;

import io.galley.events.EditionEvent;
import io.galley.events.EventDeserializer;
import io.galley.events.Topics;
import io.galley.kafka.ListenerFactories;
import io.galley.kafka.ReplayHealthIndicator;
import io.galley.kafka.TopicProgress;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.DefaultErrorHandler;

/** The consumer of the editions topic that every render instance reads whole. */
@Configuration(proxyBeanMethods = false)
class SiteEditionsConfiguration {

  /** Prefix of the per-instance group: each instance is the only member of its own group. */
  static final String GROUP_PREFIX = "galley-render-sites-";

  /** How far this instance has read the editions (builds wait for it after taking books). */
  /** Ready once every edition written before the start is known, so any site can be served. */
  @Bean
  ReplayHealthIndicator replayHealthIndicator(KafkaListenerEndpointRegistry registry) {
    return new ReplayHealthIndicator(registry, List.of(HtmlEditionListener.ID));
  }

  @Bean
  TopicProgress renderEditionsProgress(KafkaAdmin admin) {
    return new TopicProgress(admin, Topics.EDITIONS);
  }

  @Bean
  ConcurrentKafkaListenerContainerFactory<String, EditionEvent> siteEditionsFactory(
      KafkaProperties kafka, DefaultErrorHandler renderErrorHandler) {
    return ListenerFactories.create(
        kafka.buildConsumerProperties(),
        GROUP_PREFIX + UUID.randomUUID(),
        new EventDeserializer<>(EditionEvent.class),
        renderErrorHandler);
  }
}
