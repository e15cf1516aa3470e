package io.galley.blob;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The cache's index: blob sizes in least-recently-used order, bounded by their total. */
final class LruSizes {

  private final long maxBytes;
  private final LinkedHashMap<String, Long> sizes = new LinkedHashMap<>(16, 0.75f, true);
  private long totalBytes;
  private volatile Consumer<String> onTouch = sha256 -> {};

  LruSizes(long maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("cache size must be positive: " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  long maxBytes() {
    return maxBytes;
  }

  void onTouch(Consumer<String> listener) {
    this.onTouch = listener;
  }

  /** Marks a blob as just used; false if it is not in the cache. */
  boolean touch(String sha256) {
    boolean present;
    synchronized (this) {
      present = sizes.get(sha256) != null;
    }
    if (present) {
      onTouch.accept(sha256);
    }
    return present;
  }

  synchronized boolean contains(String sha256) {
    return sizes.containsKey(sha256);
  }

  /**
   * Records a blob as the most recently used one and evicts the least recently used others until
   * the total fits.
   *
   * @return the evicted blobs, whose files the caller deletes
   */
  synchronized List<String> add(String sha256, long size) {
    Long previous = sizes.put(sha256, size);
    totalBytes += size - (previous == null ? 0 : previous);
    List<String> evicted = new ArrayList<>();
    Iterator<Map.Entry<String, Long>> eldest = sizes.entrySet().iterator();
    while (totalBytes > maxBytes && eldest.hasNext()) {
      Map.Entry<String, Long> entry = eldest.next();
      if (!entry.getKey().equals(sha256)) {
        totalBytes -= entry.getValue();
        evicted.add(entry.getKey());
        eldest.remove();
      }
    }
    return evicted;
  }

  synchronized void remove(String sha256) {
    Long size = sizes.remove(sha256);
    if (size != null) {
      totalBytes -= size;
    }
  }

  synchronized long totalBytes() {
    return totalBytes;
  }
}
