package io.galley.render.assets;

import io.galley.blob.BlobStore;
import io.galley.blob.BlobStoreSettings;
import io.galley.render.RenderProperties;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The blob store images are read from and sites written to, from {@code galley.blob.*}. */
@Configuration(proxyBeanMethods = false)
class BlobStoreConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(BlobStoreConfiguration.class);

  @Bean
  BlobStoreSettings blobStoreSettings(Environment environment, RenderProperties properties) {
    return BlobStoreSettings.from(
        environment::getProperty, properties.stateDir().resolve("blob-cache"));
  }

  @Bean(destroyMethod = "close")
  BlobStore blobStore(BlobStoreSettings settings) throws IOException {
    LOG.info("blob store: {}", settings.describe());
    return settings.open();
  }
}
