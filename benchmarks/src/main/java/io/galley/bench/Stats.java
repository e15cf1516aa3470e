package io.galley.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Nearest-rank percentiles of latencies in milliseconds. */
record Stats(List<Long> millis) {

  Stats {
    millis = List.copyOf(millis);
  }

  int count() {
    return millis.size();
  }

  /** The p-th percentile (nearest rank), or -1 with no samples. */
  long percentile(double p) {
    if (millis.isEmpty()) {
      return -1;
    }
    List<Long> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  long p50() {
    return percentile(50);
  }

  long p95() {
    return percentile(95);
  }
}
