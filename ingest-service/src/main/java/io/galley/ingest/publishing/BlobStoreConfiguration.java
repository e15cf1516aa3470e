package io.galley.ingest.publishing;

import io.galley.blob.BlobStore;
import io.galley.blob.BlobStoreSettings;
import io.galley.ingest.IngestProperties;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The blob store images go to, from the {@code galley.blob.*} properties. */
@Configuration(proxyBeanMethods = false)
class BlobStoreConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(BlobStoreConfiguration.class);

  @Bean
  BlobStoreSettings blobStoreSettings(Environment environment, IngestProperties properties) {
    return BlobStoreSettings.from(
        environment::getProperty, properties.stateDir().resolve("blob-cache"));
  }

  @Bean(destroyMethod = "close")
  BlobStore blobStore(BlobStoreSettings settings) throws IOException {
    LOG.info("blob store: {}", settings.describe());
    return settings.open();
  }
}
