package io.galley.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class ParallelWorkTest {

  final ExecutorService pool = Executors.newFixedThreadPool(3);

  @AfterEach
  void stop() {
    pool.shutdownNow();
    MDC.clear();
  }

  @Test
  void keepsTheOrderOfTheInput() {
    List<Integer> items = IntStream.range(0, 500).boxed().toList();
    assertThat(ParallelWork.map(items, i -> i * 2, pool))
        .isEqualTo(items.stream().map(i -> i * 2).toList());
  }

  @Test
  void rethrowsTheFailureAsThrown() {
    List<Integer> items = IntStream.range(0, 50).boxed().toList();
    assertThatThrownBy(
            () ->
                ParallelWork.map(
                    items,
                    i -> {
                      if (i == 17) {
                        throw new IllegalArgumentException("bad " + i);
                      }
                      return i;
                    },
                    pool))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bad 17");
    assertThatThrownBy(
            () ->
                ParallelWork.map(
                    items,
                    i -> {
                      throw new UncheckedIOException(new java.io.IOException("disk"));
                    },
                    Runnable::run))
        .isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void runsTheWorkWithTheCallersLogContext() {
    MDC.put("commit", "abc");
    assertThat(ParallelWork.map(List.of(1, 2, 3), i -> MDC.get("commit"), pool))
        .containsExactly("abc", "abc", "abc");
  }
}
