package io.galley.blob;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** Deterministic test content, made on the fly so that big objects never sit in the heap. */
final class TestContent {

  private TestContent() {}

  static byte[] bytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new SplittableRandom(seed).nextBytes(bytes);
    return bytes;
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(StagedBlob.sha256Digest().digest(bytes));
  }

  /** SHA-256 and length of a stream read to its end in small pieces. */
  record Digest(String sha256, long size) {}

  static Digest digest(InputStream in, long probeAt, Runnable probe) throws IOException {
    MessageDigest sha = StagedBlob.sha256Digest();
    byte[] buffer = new byte[32 * 1024];
    long size = 0;
    boolean probed = false;
    for (int n; (n = in.read(buffer)) != -1; ) {
      sha.update(buffer, 0, n);
      size += n;
      if (!probed && size >= probeAt) {
        probed = true;
        probe.run();
      }
    }
    return new Digest(HexFormat.of().formatHex(sha.digest()), size);
  }

  static Digest digest(InputStream in) throws IOException {
    return digest(in, Long.MAX_VALUE, () -> {});
  }

  /** Heap in use after a full collection: what is still reachable. */
  static long retainedHeap() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /**
   * {@code size} pseudo-random bytes generated as they are read; runs {@code probe} once, when
   * {@code probeAt} bytes have been handed out.
   */
  static final class Generated extends InputStream {

    private final long size;
    private final SplittableRandom random;
    private final long probeAt;
    private final Runnable probe;
    private long position;
    private boolean probed;

    Generated(long size, long seed, long probeAt, Runnable probe) {
      this.size = size;
      this.random = new SplittableRandom(seed);
      this.probeAt = probeAt;
      this.probe = probe;
    }

    Generated(long size, long seed) {
      this(size, seed, Long.MAX_VALUE, () -> {});
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (position >= size) {
        return -1;
      }
      // small pieces, so that a concurrent reader gets many chances to see a partial write
      int n = (int) Math.min(Math.min(length, 8 * 1024), size - position);
      for (int i = 0; i < n; i++) {
        buffer[offset + i] = (byte) random.nextInt(256);
      }
      position += n;
      if (!probed && position >= probeAt) {
        probed = true;
        probe.run();
      }
      return n;
    }
  }
}
