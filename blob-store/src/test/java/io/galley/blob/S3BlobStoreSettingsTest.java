package io.galley.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class S3BlobStoreSettingsTest {

  @Test
  void defaultsToUsEast1TheDefaultChainAndNoPrefix() {
    S3BlobStoreSettings settings = S3BlobStoreSettings.forBucket("galley");

    assertThat(settings.region()).isEqualTo("us-east-1");
    assertThat(settings.accessKeyId()).isNull();
    assertThat(settings.keyPrefix()).isEmpty();
    assertThat(settings.endpointOverride()).isEmpty();
    assertThat(settings.stagingDirectory()).isNotNull();
  }

  @Test
  void neverPrintsTheSecret() {
    S3BlobStoreSettings settings =
        S3BlobStoreSettings.forBucket("galley").withCredentials("minio", "very-secret-key");

    assertThat(settings.toString()).contains("minio").doesNotContain("very-secret-key");
  }

  @Test
  void rejectsMalformedValuesNamingThem() {
    S3BlobStoreSettings valid = S3BlobStoreSettings.forBucket("galley");
    assertThatThrownBy(() -> S3BlobStoreSettings.forBucket("Galley_Books"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Galley_Books");
    assertThatThrownBy(() -> valid.withEndpoint(URI.create("ftp://minio:9000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ftp://minio:9000");
    assertThatThrownBy(() -> valid.withCredentials("only-the-key", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> valid.withKeyPrefix("blobs"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'blobs'");
    assertThat(valid.withKeyPrefix("galley/blobs/").keyPrefix()).isEqualTo("galley/blobs/");
  }
}
