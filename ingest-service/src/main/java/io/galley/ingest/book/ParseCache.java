package io.galley.ingest.book;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * A least-recently-used cache bounded by the summed weight of its values. Keys name content (blob
 * ids), so an entry is never stale: history rewritten by a force-push only leaves unused entries,
 * which age out. Thread-safe; the value is computed outside the lock.
 */
final class ParseCache<K, V> {

  private final long maxWeight;
  private final ToLongFunction<V> weigher;
  private final LinkedHashMap<K, Weighed<V>> entries = new LinkedHashMap<>(256, 0.75f, true);
  private long weight;
  private long misses;

  private record Weighed<V>(V value, long weight) {}

  ParseCache(long maxWeight, ToLongFunction<V> weigher) {
    this.maxWeight = maxWeight;
    this.weigher = weigher;
  }

  /** The cached value of {@code key}, or the computed one, cached unless it outweighs the bound. */
  V get(K key, Supplier<V> compute) {
    synchronized (this) {
      Weighed<V> cached = entries.get(key);
      if (cached != null) {
        return cached.value();
      }
      misses++;
    }
    V value = compute.get();
    put(key, value);
    return value;
  }

  /** The cached value of {@code key}, or null. */
  synchronized V peek(K key) {
    Weighed<V> cached = entries.get(key);
    return cached == null ? null : cached.value();
  }

  /** Caches a value computed after {@link #peek} found none (counted as a miss). */
  void putMissing(K key, V value) {
    synchronized (this) {
      misses++;
    }
    put(key, value);
  }

  /** Caches a value unless it outweighs the bound, evicting the least recently used ones. */
  void put(K key, V value) {
    long w = weigher.applyAsLong(value);
    if (w > maxWeight) {
      return;
    }
    synchronized (this) {
      Weighed<V> previous = entries.put(key, new Weighed<>(value, w));
      weight += w - (previous == null ? 0 : previous.weight());
      Iterator<Map.Entry<K, Weighed<V>>> eldest = entries.entrySet().iterator();
      while (weight > maxWeight && eldest.hasNext()) {
        weight -= eldest.next().getValue().weight();
        eldest.remove();
      }
    }
  }

  /** How many lookups computed their value. */
  synchronized long misses() {
    return misses;
  }

  /** How many entries are cached. */
  synchronized int size() {
    return entries.size();
  }
}
