package io.galley.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoreSettingsTest {

  @TempDir Path dir;

  private BlobStoreSettings read(Map<String, String> properties) {
    return BlobStoreSettings.from(properties::get, dir.resolve("cache"));
  }

  @Test
  void defaultsToADirectoryStore() throws Exception {
    BlobStoreSettings settings = read(Map.of("galley.blob.directory", dir.toString()));
    assertThat(settings.type()).isEqualTo("directory");
    assertThat(settings.cacheMaxBytes()).isEqualTo(512L * 1024 * 1024);
    assertThat(settings.presignDownloads()).isFalse();
    try (BlobStore store = settings.open()) {
      assertThat(store).isInstanceOf(DirectoryBlobStore.class);
    }
  }

  @Test
  void readsS3SettingsWithACacheInFront() throws Exception {
    BlobStoreSettings settings =
        read(
            Map.of(
                "galley.blob.type", "S3",
                "galley.blob.s3.endpoint", "http://127.0.0.1:9000",
                "galley.blob.s3.bucket", "books",
                "galley.blob.s3.access-key-id", "id",
                "galley.blob.s3.secret-access-key", "secret",
                "galley.blob.s3.path-style-access", "true",
                "galley.blob.cache.max-bytes", "64MB",
                "galley.blob.presign-downloads", "true"));
    assertThat(settings.s3().endpoint()).isEqualTo(URI.create("http://127.0.0.1:9000"));
    assertThat(settings.s3().bucket()).isEqualTo("books");
    assertThat(settings.s3().pathStyleAccess()).isTrue();
    assertThat(settings.s3().region()).isEqualTo("us-east-1");
    assertThat(settings.cacheMaxBytes()).isEqualTo(64L * 1024 * 1024);
    assertThat(settings.cacheDirectory()).isEqualTo(dir.resolve("cache"));
    assertThat(settings.presignDownloads()).isTrue();
    assertThat(settings.describe()).doesNotContain("secret");
    try (BlobStore store = settings.open()) {
      assertThat(store).isInstanceOf(CachingBlobStore.class);
    }
  }

  @Test
  void namesThePropertyOfAWrongValue() {
    assertThatThrownBy(() -> read(Map.of("galley.blob.type", "ftp")))
        .hasMessageContaining("galley.blob.type")
        .hasMessageContaining("ftp");
    assertThatThrownBy(() -> read(Map.of("galley.blob.cache.max-bytes", "lots")))
        .hasMessageContaining("galley.blob.cache.max-bytes");
    assertThatThrownBy(() -> read(Map.of("galley.blob.cache.max-bytes", "0")))
        .hasMessageContaining("galley.blob.cache.max-bytes");
    assertThatThrownBy(() -> read(Map.of("galley.blob.presign-downloads", "yes")))
        .hasMessageContaining("galley.blob.presign-downloads");
    assertThatThrownBy(
            () -> read(Map.of("galley.blob.type", "s3", "galley.blob.s3.endpoint", "ftp://x")))
        .hasMessageContaining("galley.blob.s3");
    assertThatThrownBy(
            () -> read(Map.of("galley.blob.type", "s3", "galley.blob.s3.bucket", "No_Such")))
        .hasMessageContaining("galley.blob.s3");
  }
}
