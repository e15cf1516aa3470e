package io.galley.ingest.publishing;

import io.galley.ingest.IngestProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/** The commit publisher's producer: the group's one transactional id, begun by each new term. */
@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

  @Bean
  PublishingTerm publishingTerm(KafkaProperties kafka, IngestProperties properties) {
    return new PublishingTerm(kafka, properties);
  }

  /** The template {@link KafkaCommitPublisher} sends through (Spring Boot's own backs off). */
  @Bean
  KafkaTemplate<String, byte[]> kafkaTemplate(PublishingTerm term) {
    KafkaTemplate<String, byte[]> template = term.template();
    template.setObservationEnabled(true); // a span and W3C trace headers per record sent
    return template;
  }
}
