package io.galley.ingest.publishing;

import io.galley.blob.BlobStore;
import io.galley.ingest.IngestProperties;
import io.galley.ingest.observability.IngestMetrics;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The commit publisher: the Kafka adapter, counted by a decorator, and its producer (the group's
 * one transactional id, begun by each new term).
 */
@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

  @Bean
  PublishingTerm publishingTerm(
      KafkaProperties kafka, KafkaConnectionDetails connection, IngestProperties properties) {
    return new PublishingTerm(kafka, connection, properties);
  }

  /** The template {@link KafkaCommitPublisher} sends through (Spring Boot's own backs off). */
  @Bean
  KafkaTemplate<String, byte[]> kafkaTemplate(PublishingTerm term) {
    KafkaTemplate<String, byte[]> template = term.template();
    template.setObservationEnabled(true); // a span and W3C trace headers per record sent
    return template;
  }

  /** The one {@link CommitPublisher}: Kafka (and the blob store), each success counted. */
  @Bean
  CommitPublisher commitPublisher(
      KafkaTemplate<String, byte[]> kafkaTemplate, BlobStore blobStore, IngestMetrics metrics) {
    return new CountingCommitPublisher(new KafkaCommitPublisher(kafkaTemplate, blobStore), metrics);
  }
}
