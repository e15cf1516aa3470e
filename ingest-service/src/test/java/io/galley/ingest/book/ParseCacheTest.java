package io.galley.ingest.book;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParseCacheTest {

  @Test
  void evictsTheLeastRecentlyUsedBeyondItsWeightAndKeepsNothingHeavierThanIt() {
    ParseCache<String, String> cache = new ParseCache<>(10, String::length);
    assertThat(cache.get("a", () -> "aaaa")).isEqualTo("aaaa");
    assertThat(cache.get("b", () -> "bbbb")).isEqualTo("bbbb");
    assertThat(cache.get("a", () -> "other")).isEqualTo("aaaa");
    assertThat(cache.get("c", () -> "cccc")).isEqualTo("cccc");
    // b was the least recently used: evicted to make room for c
    assertThat(cache.peek("b")).isNull();
    assertThat(cache.peek("a")).isEqualTo("aaaa");
    assertThat(cache.get("big", () -> "x".repeat(11))).hasSize(11);
    assertThat(cache.peek("big")).isNull();
    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.misses()).isEqualTo(4);
  }

  @Test
  void cachesNothingWhenItsBoundIsZero() {
    ParseCache<String, String> cache = new ParseCache<>(0, String::length);
    cache.get("a", () -> "a");
    cache.get("a", () -> "a");
    assertThat(cache.misses()).isEqualTo(2);
    assertThat(cache.size()).isZero();
  }
}
