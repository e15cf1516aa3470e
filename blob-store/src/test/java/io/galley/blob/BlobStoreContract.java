package io.galley.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link BlobStore} guarantees; each implementation's test class extends this. */
abstract class BlobStoreContract {

  private static final long MB = 1024 * 1024;

  @TempDir Path scratch;
  BlobStore store;

  /** A fresh, empty store for one test. */
  abstract BlobStore newStore() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = newStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void roundTripReturnsSha256SizeAndMediaType() throws IOException {
    byte[] content = TestContent.bytes(100_000, 1);

    BlobRef ref = store.put(new ByteArrayInputStream(content), "image/png");

    assertThat(ref).isEqualTo(new BlobRef(TestContent.sha256(content), 100_000, "image/png"));
    assertThat(read(ref.sha256())).isEqualTo(content);
    assertThat(store.stat(ref.sha256())).contains(ref);
    assertThat(store.exists(ref.sha256())).isTrue();
  }

  @Test
  void storesEmptyContent() throws IOException {
    BlobRef ref = store.put(new ByteArrayInputStream(new byte[0]), "text/plain; charset=utf-8");

    assertThat(ref.sha256()).isEqualTo(TestContent.sha256(new byte[0]));
    assertThat(read(ref.sha256())).isEmpty();
    assertThat(store.stat(ref.sha256())).contains(ref);
  }

  @Test
  void putsFileAndLeavesItInPlace() throws IOException {
    byte[] content = TestContent.bytes(50_000, 2);
    Path file = Files.write(scratch.resolve("edition.pdf"), content);

    BlobRef ref = store.put(file, "application/pdf");

    assertThat(ref).isEqualTo(new BlobRef(TestContent.sha256(content), 50_000, "application/pdf"));
    assertThat(read(ref.sha256())).isEqualTo(content);
    assertThat(file).hasBinaryContent(content);
  }

  @Test
  void puttingStoredContentAgainReturnsTheStoredRef() throws IOException {
    byte[] content = TestContent.bytes(10_000, 3);
    BlobRef first = store.put(new ByteArrayInputStream(content), "image/webp");

    BlobRef again = store.put(new ByteArrayInputStream(content), "image/webp");
    BlobRef otherType = store.put(new ByteArrayInputStream(content), "application/octet-stream");

    assertThat(again).isEqualTo(first);
    assertThat(otherType).as("the first put's media type is kept").isEqualTo(first);
    assertThat(read(first.sha256())).isEqualTo(content);
  }

  @Test
  void concurrentPutsOfTheSameContentAllSucceed() throws Exception {
    byte[] content = TestContent.bytes(300_000, 4);
    BlobRef expected = new BlobRef(TestContent.sha256(content), content.length, "image/jpeg");
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<BlobRef>> puts = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        puts.add(
            pool.submit(
                () -> {
                  start.await();
                  return store.put(new ByteArrayInputStream(content), "image/jpeg");
                }));
      }
      start.countDown();
      for (Future<BlobRef> put : puts) {
        assertThat(put.get(60, TimeUnit.SECONDS)).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(read(expected.sha256())).isEqualTo(content);
  }

  @Test
  void aReaderPollingDuringAPutNeverSeesAPartialObject() throws Exception {
    long size = 8 * MB;
    TestContent.Digest expected = TestContent.digest(new TestContent.Generated(size, 5));
    ExecutorService pool = Executors.newSingleThreadExecutor();
    List<TestContent.Digest> seen = new ArrayList<>();
    try {
      Future<BlobRef> writer =
          pool.submit(() -> store.put(new TestContent.Generated(size, 5), "application/pdf"));
      Instant deadline = Instant.now().plus(Duration.ofMinutes(2)); // a bound, not an assertion
      while (!writer.isDone() && Instant.now().isBefore(deadline)) {
        try (InputStream in = store.open(expected.sha256())) {
          seen.add(TestContent.digest(in));
        } catch (BlobNotFoundException notYet) {
          // not published yet: the only other acceptable answer
        }
      }
      assertThat(writer.get(2, TimeUnit.MINUTES).sha256()).isEqualTo(expected.sha256());
    } finally {
      pool.shutdownNow();
    }
    try (InputStream in = store.open(expected.sha256())) {
      seen.add(TestContent.digest(in));
    }
    assertThat(seen).allSatisfy(read -> assertThat(read).isEqualTo(expected));
  }

  @Test
  void aPutWhoseStreamFailsLeavesNothingBehind() throws IOException {
    InputStream failing =
        new SequenceInputStream(
            new ByteArrayInputStream(TestContent.bytes(100_000, 10)),
            new InputStream() {
              @Override
              public int read() throws IOException {
                throw new IOException("connection reset by the uploader");
              }
            });

    assertThatThrownBy(() -> store.put(failing, "image/png"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("connection reset");

    try (Stream<Path> left = Files.list(stagingDirectory())) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void readsByteRanges() throws IOException {
    byte[] content = TestContent.bytes(10_000, 6);
    String sha = store.put(new ByteArrayInputStream(content), "application/epub+zip").sha256();

    assertThat(read(sha, new ByteRange(100, 50))).isEqualTo(Arrays.copyOfRange(content, 100, 150));
    assertThat(read(sha, ByteRange.inclusive(0, 0))).isEqualTo(new byte[] {content[0]});
    assertThat(read(sha, ByteRange.from(9_990)))
        .isEqualTo(Arrays.copyOfRange(content, 9_990, 10_000));
    assertThat(read(sha, new ByteRange(9_990, 100)))
        .as("cut at the end")
        .isEqualTo(Arrays.copyOfRange(content, 9_990, 10_000));
    assertThat(read(sha, new ByteRange(10_000, 5))).as("starts at the end").isEmpty();
    assertThat(read(sha, new ByteRange(20_000, 5))).as("starts past the end").isEmpty();
    assertThat(read(sha, new ByteRange(5, 0))).isEmpty();
  }

  @Test
  void missingBlobIsReportedAsMissing() throws IOException {
    String sha = TestContent.sha256("never stored".getBytes());

    assertThatThrownBy(() -> store.open(sha))
        .isInstanceOfSatisfying(
            BlobNotFoundException.class, e -> assertThat(e.sha256()).isEqualTo(sha));
    assertThatThrownBy(() -> store.open(sha, new ByteRange(0, 10)))
        .isInstanceOf(BlobNotFoundException.class);
    assertThatThrownBy(() -> store.open(sha, new ByteRange(0, 0)))
        .isInstanceOf(BlobNotFoundException.class);
    assertThat(store.stat(sha)).isEmpty();
    assertThat(store.exists(sha)).isFalse();
    assertThat(store.delete(sha)).isFalse();
  }

  @Test
  void deleteRemovesTheBlobAndAPutBringsItBack() throws IOException {
    byte[] content = TestContent.bytes(5_000, 7);
    BlobRef ref = store.put(new ByteArrayInputStream(content), "image/gif");

    assertThat(store.delete(ref.sha256())).isTrue();

    assertThat(store.exists(ref.sha256())).isFalse();
    assertThatThrownBy(() -> store.open(ref.sha256())).isInstanceOf(BlobNotFoundException.class);
    assertThat(store.delete(ref.sha256())).isFalse();
    assertThat(store.put(new ByteArrayInputStream(content), "image/gif")).isEqualTo(ref);
    assertThat(read(ref.sha256())).isEqualTo(content);
  }

  @Test
  void rejectsAddressesThatAreNotSha256AndBadMediaTypes() {
    for (String bad : List.of("../../etc/passwd", "ABCDEF".repeat(10) + "ABCD", "", "a/b")) {
      assertThatThrownBy(() -> store.open(bad)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.stat(bad)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.delete(bad)).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> store.put(new ByteArrayInputStream(new byte[1]), "pdf"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'pdf'");
  }

  /**
   * 64 MB made on the fly goes in and comes back out; the heap still reachable three quarters of
   * the way through each direction stays far below the object's size, so neither side buffers it.
   */
  @Test
  void streamsABigObjectBothWaysWithoutHoldingItInTheHeap() throws IOException {
    long size = 64 * MB;
    long probeAt = 48 * MB;
    TestContent.Digest expected = TestContent.digest(new TestContent.Generated(size, 8));
    long baseline = TestContent.retainedHeap();
    AtomicLong duringPut = new AtomicLong();
    AtomicLong duringRead = new AtomicLong();

    BlobRef ref =
        store.put(
            new TestContent.Generated(
                size, 8, probeAt, () -> duringPut.set(TestContent.retainedHeap())),
            "application/pdf");
    TestContent.Digest read;
    try (InputStream in = store.open(ref.sha256())) {
      read = TestContent.digest(in, probeAt, () -> duringRead.set(TestContent.retainedHeap()));
    }

    assertThat(ref).isEqualTo(new BlobRef(expected.sha256(), size, "application/pdf"));
    assertThat(read).isEqualTo(expected);
    assertThat(duringPut.get() - baseline).as("heap growth during put").isLessThan(16 * MB);
    assertThat(duringRead.get() - baseline).as("heap growth during read").isLessThan(16 * MB);
  }

  @Test
  void presignedUrlIsEmptyOrServesTheBlob() throws Exception {
    byte[] content = TestContent.bytes(2_000, 9);
    String sha = store.put(new ByteArrayInputStream(content), "image/png").sha256();

    Optional<URI> url = store.presignedGetUrl(sha, Duration.ofMinutes(5));

    if (url.isPresent()) {
      HttpResponse<byte[]> response =
          HttpClient.newHttpClient()
              .send(HttpRequest.newBuilder(url.get()).build(), BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo(content);
    }
    assertThat(url.isPresent()).isEqualTo(signsUrls());
  }

  /** Where this store stages what it is putting. */
  abstract Path stagingDirectory();

  /** Whether this store can sign GET URLs. */
  abstract boolean signsUrls();

  byte[] read(String sha256) throws IOException {
    try (InputStream in = store.open(sha256)) {
      return in.readAllBytes();
    }
  }

  byte[] read(String sha256, ByteRange range) throws IOException {
    try (InputStream in = store.open(sha256, range)) {
      return in.readAllBytes();
    }
  }
}
