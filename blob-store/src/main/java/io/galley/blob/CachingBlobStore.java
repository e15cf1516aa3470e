package io.galley.blob;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A bounded local disk cache in front of a remote blob store, so that any instance serves reads
 * from the shared store with bounded local disk. A read fetches the whole blob into the cache
 * (checking its SHA-256) and serves it, and later reads and ranges, from there; when the cached
 * bytes pass {@code maxBytes} the least recently read blobs are deleted. A blob bigger than the
 * whole cache is streamed from the remote store uncached. Writes, stat and presigned URLs go to the
 * remote store (write-through: a put is durable remotely when it returns). Blobs never change, so a
 * cached copy is never stale; one deleted remotely may be served until it is evicted. The cache
 * directory belongs to one process; it survives restarts (rebuilt from the files, oldest first).
 */
public final class CachingBlobStore implements BlobStore {

  private static final int ATTEMPTS = 3;

  private final BlobStore remote;
  private final Path dir;
  private final Path staging;
  private final LruSizes sizes;

  /**
   * A cache of at most {@code maxBytes} in {@code cacheDir} (created if missing) over {@code
   * remote}.
   *
   * @throws IllegalArgumentException if {@code maxBytes} is not positive
   * @throws IOException if the directory cannot be created or read
   */
  public CachingBlobStore(BlobStore remote, Path cacheDir, long maxBytes) throws IOException {
    this.remote = remote;
    this.dir = cacheDir.toAbsolutePath();
    this.staging = dir.resolve(DirectoryBlobStore.STAGING);
    this.sizes = new LruSizes(maxBytes);
    Files.createDirectories(staging);
    clearStaging();
    loadExisting();
  }

  /** Bytes now held in the cache (at most the maximum). */
  public long cachedBytes() {
    return sizes.totalBytes();
  }

  /** Whether the blob is in the local cache right now. */
  public boolean isCached(String sha256) {
    return sizes.contains(BlobRef.requireSha256(sha256));
  }

  @Override
  public BlobRef put(InputStream content, String mediaType) throws IOException {
    return remote.put(content, mediaType);
  }

  @Override
  public BlobRef put(Path file, String mediaType) throws IOException {
    return remote.put(file, mediaType);
  }

  @Override
  public InputStream open(String sha256) throws IOException {
    return open(sha256, ByteRange.from(0));
  }

  @Override
  public InputStream open(String sha256, ByteRange range) throws IOException {
    BlobRef.requireSha256(sha256);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (!sizes.touch(sha256) && !fill(sha256)) {
        return remote.open(sha256, range); // bigger than the whole cache
      }
      try {
        return BlobFiles.openRange(file(sha256), sha256, range);
      } catch (BlobNotFoundException e) {
        // evicted between the lookup and the open by another reader: fetch it again
        sizes.remove(sha256);
      }
    }
    return remote.open(sha256, range);
  }

  /**
   * Fetches a blob from the remote store into the cache.
   *
   * @return false if it is bigger than the whole cache
   */
  private boolean fill(String sha256) throws IOException {
    BlobRef ref = remote.stat(sha256).orElseThrow(() -> new BlobNotFoundException(sha256));
    if (ref.size() > sizes.maxBytes()) {
      return false;
    }
    try (InputStream in = remote.open(sha256);
        StagedBlob staged = StagedBlob.write(in, staging, false)) {
      if (!staged.sha256().equals(sha256)) {
        throw new BlobIntegrityException(
            "remote store returned bytes with sha256 " + staged.sha256() + " for blob " + sha256);
      }
      // a concurrent fill of the same blob renames identical bytes over these: harmless
      Files.move(staged.file(), file(sha256), StandardCopyOption.ATOMIC_MOVE);
      deleteFiles(sizes.add(sha256, staged.size()));
    }
    return true;
  }

  @Override
  public Optional<BlobRef> stat(String sha256) throws IOException {
    return remote.stat(sha256);
  }

  @Override
  public boolean delete(String sha256) throws IOException {
    sizes.remove(BlobRef.requireSha256(sha256));
    Files.deleteIfExists(file(sha256));
    return remote.delete(sha256);
  }

  @Override
  public Optional<URI> presignedGetUrl(String sha256, Duration validity) {
    return remote.presignedGetUrl(sha256, validity);
  }

  @Override
  public void close() {
    remote.close();
  }

  private Path file(String sha256) {
    return dir.resolve(sha256);
  }

  private void deleteFiles(List<String> evicted) throws IOException {
    for (String sha256 : evicted) {
      // a reader that already opened the file keeps reading it (POSIX unlink semantics)
      Files.deleteIfExists(file(sha256));
    }
  }

  private void clearStaging() throws IOException {
    try (Stream<Path> leftovers = Files.list(staging)) {
      for (Path leftover : (Iterable<Path>) leftovers::iterator) {
        Files.deleteIfExists(leftover);
      }
    }
  }

  private void loadExisting() throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.filter(p -> isBlobName(p) && Files.isRegularFile(p)).toList();
    }
    record Found(Path file, FileTime modified, long size) {}
    List<Found> found = new ArrayList<>();
    for (Path file : files) {
      found.add(new Found(file, Files.getLastModifiedTime(file), Files.size(file)));
    }
    found.sort(Comparator.comparing(Found::modified));
    for (Found f : found) {
      deleteFiles(sizes.add(f.file().getFileName().toString(), f.size()));
    }
    // the modification time orders the files at the next start: oldest read first
    sizes.onTouch(sha256 -> touchFile(file(sha256)));
  }

  private static boolean isBlobName(Path file) {
    try {
      BlobRef.requireSha256(file.getFileName().toString());
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static void touchFile(Path file) {
    try {
      Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
    } catch (IOException e) {
      // only the order after a restart suffers
    }
  }
}
