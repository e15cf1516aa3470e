package io.galley.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DirectoryBlobStoreTest extends BlobStoreContract {

  private Path root;

  @Override
  BlobStore newStore() throws IOException {
    root = scratch.resolve("blobs");
    return new DirectoryBlobStore(root);
  }

  @Override
  Path stagingDirectory() {
    return root.resolve(DirectoryBlobStore.STAGING);
  }

  @Override
  boolean signsUrls() {
    return false;
  }

  @Test
  void keepsBlobsUnderTwoLevelsOfTheirSha256WithTheMediaTypeBeside() throws IOException {
    byte[] content = TestContent.bytes(1_000, 20);

    BlobRef ref = store.put(new ByteArrayInputStream(content), "image/svg+xml");

    String sha = ref.sha256();
    Path blob = root.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
    assertThat(blob).hasBinaryContent(content);
    assertThat(blob.resolveSibling(sha + ".type")).hasContent("image/svg+xml");
    assertThat(root.resolve(DirectoryBlobStore.STAGING)).isEmptyDirectory();
  }

  @Test
  void aWriteCorruptedOnDiskIsNotPublished() throws IOException {
    DirectoryBlobStore directory = (DirectoryBlobStore) store;
    byte[] content = TestContent.bytes(4_000, 21);
    try (StagedBlob staged =
        StagedBlob.write(
            new ByteArrayInputStream(content), Files.createTempDirectory(scratch, "s"), false)) {
      byte[] onDisk = content.clone();
      onDisk[1234] ^= 1; // one flipped bit between the write and the rename
      Files.write(staged.file(), onDisk);

      assertThatThrownBy(() -> directory.publish(staged, "image/png"))
          .isInstanceOf(BlobIntegrityException.class)
          .hasMessageContaining(staged.sha256());

      assertThat(store.exists(staged.sha256())).isFalse();
      assertThat(store.exists(TestContent.sha256(onDisk))).isFalse();
    }
  }

  @Test
  void twoStoresOnOneRootSeeEachOthersBlobs() throws IOException {
    byte[] content = TestContent.bytes(1_000, 22);
    BlobRef ref = store.put(new ByteArrayInputStream(content), "image/png");

    try (DirectoryBlobStore other = new DirectoryBlobStore(root)) {
      assertThat(other.stat(ref.sha256())).contains(ref);
      assertThat(other.put(new ByteArrayInputStream(content), "image/png")).isEqualTo(ref);
    }
  }

  @Test
  void aFileWhoseContentIsStoredIsNotStagedAgain() throws IOException {
    byte[] content = TestContent.bytes(10_000, 23);
    Path file = Files.write(scratch.resolve("page.html"), content);
    BlobRef ref = store.put(file, "text/html");

    // without a staging directory a put that stages fails: this one must not need it
    Files.delete(root.resolve(DirectoryBlobStore.STAGING));
    assertThat(store.put(file, "text/plain")).isEqualTo(ref);
    assertThat(file).hasBinaryContent(content);
  }
}
