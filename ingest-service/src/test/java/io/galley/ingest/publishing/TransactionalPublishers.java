package io.galley.ingest.publishing;

import io.galley.blob.DirectoryBlobStore;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** The service's transactional publisher without Spring, for measurements in other packages. */
public final class TransactionalPublishers {

  private TransactionalPublishers() {}

  /** The service's publisher on {@code term}'s producer, as the application wires it. */
  public static CommitPublisher on(PublishingTerm term) {
    return new KafkaCommitPublisher(term.template(), temporaryBlobStore());
  }

  /** A publisher with the service's producer settings against {@code bootstrap}. */
  public static CommitPublisher create(String bootstrap, String transactionPrefix) {
    Map<String, Object> props =
        new HashMap<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                5));
    String batch = System.getProperty("measure.batch.size");
    if (batch != null) {
      props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.parseInt(batch));
    }
    String compression = System.getProperty("measure.compression");
    if (compression != null) {
      props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
    }
    DefaultKafkaProducerFactory<String, byte[]> factory =
        new DefaultKafkaProducerFactory<>(props, new StringSerializer(), new ByteArraySerializer());
    factory.setTransactionIdPrefix(transactionPrefix);
    return new KafkaCommitPublisher(new KafkaTemplate<>(factory), temporaryBlobStore());
  }

  private static DirectoryBlobStore temporaryBlobStore() {
    try {
      return new DirectoryBlobStore(java.nio.file.Files.createTempDirectory("galley-blobs"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
