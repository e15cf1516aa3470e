package io.galley.ingest.publishing;

import io.galley.ingest.IngestProperties;
import io.galley.kafka.ProducerSettings;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.TransactionIdSuffixStrategy;

/**
 * The producer that publishes commits, with ONE transactional id for every instance of a {@code
 * galley.ingest.group} ({@code <group>-publisher}): {@link #begin()} registers it anew, which
 * aborts whatever transaction an earlier holder left open and fences that holder's producer, so a
 * paused or cut-off instance that resumes cannot commit anything more. Between {@link #begin()} and
 * {@link #end()} one producer serves every publication (one thread publishes).
 */
public class PublishingTerm implements DisposableBean {

  /** Always the same suffix: the id must never change within a group, unlike Spring's default. */
  private static final TransactionIdSuffixStrategy NO_SUFFIX =
      new TransactionIdSuffixStrategy() {
        @Override
        public String acquireSuffix(String prefix) {
          return "";
        }

        @Override
        public void releaseSuffix(String prefix, String suffix) {}
      };

  private final DefaultKafkaProducerFactory<String, byte[]> factory;
  private final KafkaTemplate<String, byte[]> template;

  /**
   * The group's publisher on the broker of {@code connection}, with the producer settings of {@code
   * kafka} ({@link ProducerSettings}).
   */
  public PublishingTerm(
      KafkaProperties kafka, KafkaConnectionDetails connection, IngestProperties properties) {
    factory =
        new DefaultKafkaProducerFactory<>(
            ProducerSettings.of(kafka, connection),
            new StringSerializer(),
            new ByteArraySerializer());
    factory.setTransactionIdPrefix(transactionalId(properties.group()));
    factory.setTransactionIdSuffixStrategy(NO_SUFFIX);
    factory.setPhysicalCloseTimeout(5);
    template = new KafkaTemplate<>(factory);
  }

  /** The transactional id shared by the publishers of {@code group}. */
  public static String transactionalId(String group) {
    return group + "-publisher";
  }

  /**
   * Starts a term: a fresh producer initialises the shared transactional id (fencing any other
   * holder) and commits an empty transaction, so that a failure shows here, before any work.
   */
  public void begin() {
    factory.reset();
    template.executeInTransaction(ops -> null);
  }

  /** Ends the term: the producer is closed; nothing is published until the next {@link #begin}. */
  public void end() {
    factory.reset();
  }

  /** The template publications go through; valid between {@link #begin()} and {@link #end()}. */
  public KafkaTemplate<String, byte[]> template() {
    return template;
  }

  @Override
  public void destroy() {
    factory.destroy();
  }
}
