package io.galley.fault;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

  private static final String G1 =
      """
      # HELP jvm_memory_max_bytes The maximum amount of memory in bytes
      # TYPE jvm_memory_max_bytes gauge
      jvm_memory_max_bytes{area="heap",id="G1 Eden Space"} -1.0
      jvm_memory_max_bytes{area="heap",id="G1 Old Gen"} 8.05306368E8
      jvm_memory_max_bytes{area="heap",id="G1 Survivor Space"} -1.0
      jvm_memory_max_bytes{area="nonheap",id="Metaspace"} -1.0
      jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.2E8
      jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 5.0E7
      jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.9E7
      jvm_memory_usage_after_gc{area="heap",pool="long-lived"} 0.0662091573079427
      """;

  @Test
  void sumsHeapPoolsLeavingOutUndefinedMaximaAndNonHeap() {
    PrometheusText text = PrometheusText.parse(G1);

    assertThat(text.sum("jvm_memory_max_bytes", PrometheusText.heap()).getAsDouble())
        .isEqualTo(8.05306368E8);
    assertThat(text.sum("jvm_memory_used_bytes", PrometheusText.heap()).getAsDouble())
        .isEqualTo(1.7E8);
  }

  @Test
  void readsTheAfterGcGaugeWhateverUnitSuffixTheRegistryAdds() {
    PrometheusText plain = PrometheusText.parse(G1);
    PrometheusText suffixed =
        PrometheusText.parse(
            "jvm_memory_usage_after_gc_percent{area=\"heap\",pool=\"long-lived\"} 0.5\n");

    assertThat(plain.first("jvm_memory_usage_after_gc", l -> "long-lived".equals(l.get("pool"))))
        .hasValue(0.0662091573079427);
    assertThat(suffixed.first("jvm_memory_usage_after_gc", l -> "long-lived".equals(l.get("pool"))))
        .hasValue(0.5);
  }

  @Test
  void aMissingMetricIsEmptyNotZero() {
    assertThat(PrometheusText.parse(G1).sum("jvm_gc_pause_seconds", l -> true)).isEmpty();
  }
}
