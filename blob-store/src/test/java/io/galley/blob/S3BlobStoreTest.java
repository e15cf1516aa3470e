package io.galley.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S3BlobStoreTest extends BlobStoreContract {

  static final String BUCKET = "galley-blobs";
  private static final AtomicInteger TESTS = new AtomicInteger();

  @TempDir static Path serverDir;
  static S3ProxyServer server;
  private String prefix;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3ProxyServer.start(serverDir);
    server.createBucket(BUCKET);
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @Override
  BlobStore newStore() {
    // a key prefix per test: one bucket, yet every test starts empty
    prefix = "test-" + TESTS.incrementAndGet() + "/";
    return S3BlobStore.create(server.settings(BUCKET, prefix, scratch.resolve("staging")));
  }

  @Override
  Path stagingDirectory() {
    return scratch.resolve("staging");
  }

  @Override
  boolean signsUrls() {
    return true;
  }

  @Test
  void keepsBlobsUnderThePrefixAndTwoLevelsOfTheirSha256() throws IOException {
    BlobRef ref = store.put(new ByteArrayInputStream(TestContent.bytes(1_000, 30)), "image/png");

    String sha = ref.sha256();
    assertThat(
            server.hasObject(
                BUCKET, prefix + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha))
        .isTrue();
  }

  @Test
  void aFileChangedBetweenHashingAndUploadIsRefusedByTheServer() throws IOException {
    S3BlobStore s3 = (S3BlobStore) store;
    byte[] content = TestContent.bytes(4_000, 31);
    Path file = Files.write(scratch.resolve("chapter.png"), content);
    try (StagedBlob staged = StagedBlob.hashInPlace(file)) {
      byte[] changed = content.clone();
      changed[2000] ^= 1;
      Files.write(file, changed);

      assertThatThrownBy(() -> s3.publish(staged, "image/png"))
          .isInstanceOf(BlobIntegrityException.class)
          .hasMessageContaining(staged.sha256());

      assertThat(store.exists(staged.sha256())).isFalse();
    }
  }

  @Test
  void wrongCredentialsFailAsIoErrors() {
    S3BlobStoreSettings wrong =
        server
            .settings(BUCKET, prefix, scratch.resolve("staging"))
            .withCredentials(S3ProxyServer.ACCESS_KEY, "not-the-secret");
    try (S3BlobStore denied = S3BlobStore.create(wrong)) {
      assertThatThrownBy(() -> denied.put(new ByteArrayInputStream(new byte[10]), "image/png"))
          .isInstanceOf(IOException.class)
          .hasMessageContaining(BUCKET);
    }
  }

  @Test
  void staysOutOfTheStagingDirectoryOnceAPutReturns() throws IOException {
    store.put(new ByteArrayInputStream(TestContent.bytes(10_000, 32)), "image/png");

    assertThat(scratch.resolve("staging")).isEmptyDirectory();
  }
}
