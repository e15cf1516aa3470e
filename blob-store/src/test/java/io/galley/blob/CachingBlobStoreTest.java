package io.galley.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract over S3 through the cache, then the cache's own bounds against a directory. */
class CachingBlobStoreTest extends BlobStoreContract {

  private static final AtomicInteger TESTS = new AtomicInteger();

  @TempDir static Path serverDir;
  static S3ProxyServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3ProxyServer.start(serverDir);
    server.createBucket(S3BlobStoreTest.BUCKET);
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @Override
  BlobStore newStore() throws IOException {
    String prefix = "cached-" + TESTS.incrementAndGet() + "/";
    S3BlobStore remote =
        S3BlobStore.create(
            server.settings(S3BlobStoreTest.BUCKET, prefix, scratch.resolve("staging")));
    return new CachingBlobStore(remote, scratch.resolve("cache"), 256L * 1024 * 1024);
  }

  @Override
  Path stagingDirectory() {
    return scratch.resolve("staging");
  }

  @Override
  boolean signsUrls() {
    return true;
  }

  private DirectoryBlobStore remote() throws IOException {
    return new DirectoryBlobStore(scratch.resolve("remote"));
  }

  private String put(BlobStore target, int size, long seed) throws IOException {
    return target
        .put(new ByteArrayInputStream(TestContent.bytes(size, seed)), "image/png")
        .sha256();
  }

  private static void readAll(BlobStore from, String sha256) throws IOException {
    try (InputStream in = from.open(sha256)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
  }

  @Test
  void evictsTheLeastRecentlyReadBlobsWhenOverItsSize() throws IOException {
    DirectoryBlobStore remote = remote();
    String a = put(remote, 1_000, 40);
    String b = put(remote, 1_000, 41);
    String c = put(remote, 1_000, 42);
    String d = put(remote, 1_000, 43);
    Path cacheDir = scratch.resolve("small-cache");
    CachingBlobStore cache = new CachingBlobStore(remote, cacheDir, 3_000);

    for (String sha : new String[] {a, b, c, a, d}) {
      readAll(cache, sha);
    }

    assertThat(cache.cachedBytes()).isEqualTo(3_000);
    assertThat(cache.isCached(a)).isTrue();
    assertThat(cache.isCached(b)).as("least recently read").isFalse();
    assertThat(cache.isCached(c)).isTrue();
    assertThat(cache.isCached(d)).isTrue();
    assertThat(cacheDir.resolve(b)).doesNotExist();
    assertThat(cacheDir.resolve(d)).hasBinaryContent(TestContent.bytes(1_000, 43));
  }

  @Test
  void concurrentReadersOfMoreBlobsThanFitGetWholeBlobsAndTheDiskStaysBounded() throws Exception {
    DirectoryBlobStore remote = remote();
    List<byte[]> contents = new ArrayList<>();
    List<String> shas = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      contents.add(TestContent.bytes(10_000, 60 + i));
      shas.add(remote.put(new ByteArrayInputStream(contents.get(i)), "image/png").sha256());
    }
    Path cacheDir = scratch.resolve("churn");
    CachingBlobStore cache = new CachingBlobStore(remote, cacheDir, 30_000);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Integer>> readers = new ArrayList<>();
    try {
      for (int t = 0; t < 4; t++) {
        int first = t;
        readers.add(
            pool.submit(
                () -> {
                  int wrong = 0;
                  for (int round = 0; round < 60; round++) {
                    int i = (first + round * 5) % 6;
                    try (InputStream in = cache.open(shas.get(i))) {
                      wrong += Arrays.equals(in.readAllBytes(), contents.get(i)) ? 0 : 1;
                    }
                  }
                  return wrong;
                }));
      }
      for (Future<Integer> reader : readers) {
        assertThat(reader.get(2, TimeUnit.MINUTES)).as("reads with wrong bytes").isZero();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(cache.cachedBytes()).isLessThanOrEqualTo(30_000);
    try (Stream<Path> files = Files.list(cacheDir)) {
      long onDisk = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
      assertThat(onDisk).as("bytes of cached files on disk").isLessThanOrEqualTo(30_000);
    }
  }

  @Test
  void servesACachedBlobFromLocalDisk() throws IOException {
    DirectoryBlobStore remote = remote();
    byte[] content = TestContent.bytes(2_000, 44);
    String sha = remote.put(new ByteArrayInputStream(content), "image/png").sha256();
    CachingBlobStore cache = new CachingBlobStore(remote, scratch.resolve("c"), 10_000);
    readAll(cache, sha);

    remote.delete(sha); // behind the cache's back: only the local copy is left

    try (InputStream in = cache.open(sha, new ByteRange(10, 20))) {
      assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(content, 10, 30));
    }
  }

  @Test
  void streamsABlobBiggerThanTheWholeCacheWithoutCachingIt() throws IOException {
    DirectoryBlobStore remote = remote();
    byte[] content = TestContent.bytes(5_000, 45);
    String sha = remote.put(new ByteArrayInputStream(content), "image/png").sha256();
    CachingBlobStore cache = new CachingBlobStore(remote, scratch.resolve("c"), 4_000);

    try (InputStream in = cache.open(sha)) {
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
    assertThat(cache.isCached(sha)).isFalse();
    assertThat(cache.cachedBytes()).isZero();
  }

  @Test
  void refusesRemoteBytesThatDoNotMatchTheirAddress() throws IOException {
    DirectoryBlobStore remote = remote();
    String sha = put(remote, 1_000, 46);
    Path onDisk = remote.root().resolve(BlobFiles.key(sha));
    Files.write(onDisk, TestContent.bytes(1_000, 47)); // bit rot in the remote store

    CachingBlobStore cache = new CachingBlobStore(remote, scratch.resolve("c"), 10_000);

    assertThatThrownBy(() -> cache.open(sha))
        .isInstanceOf(BlobIntegrityException.class)
        .hasMessageContaining(sha);
    assertThat(cache.isCached(sha)).isFalse();
  }

  @Test
  void findsItsBlobsAgainAfterARestart() throws IOException {
    DirectoryBlobStore remote = remote();
    String a = put(remote, 1_000, 48);
    String b = put(remote, 1_500, 49);
    Path cacheDir = scratch.resolve("c");
    CachingBlobStore first = new CachingBlobStore(remote, cacheDir, 10_000);
    readAll(first, a);
    readAll(first, b);

    CachingBlobStore restarted = new CachingBlobStore(remote, cacheDir, 10_000);

    assertThat(restarted.cachedBytes()).isEqualTo(2_500);
    assertThat(restarted.isCached(a)).isTrue();
    assertThat(restarted.isCached(b)).isTrue();
  }
}
