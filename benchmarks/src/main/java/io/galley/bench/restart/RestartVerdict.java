package io.galley.bench.restart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Issue 14 item 5's bounds checked on the longest history's results: start to ready, and to serving
 * the newest commits, at most 30 s; heap after GC within 10 % of the shortest history's.
 */
final class RestartVerdict {

  static final double MAX_SECONDS = 30;
  static final double MAX_HEAP_RATIO = 1.10;

  private RestartVerdict() {}

  /** One line per service of the longest history, each bound with its figure and yes or NO. */
  static List<String> of(List<RestartResult> results) {
    int longest = results.stream().mapToInt(RestartResult::history).max().orElse(0);
    int shortest = results.stream().mapToInt(RestartResult::history).min().orElse(0);
    List<String> lines = new ArrayList<>();
    for (RestartResult r : results) {
      if (r.history() != longest) {
        continue;
      }
      OptionalDouble ratio = RestartResult.heapRatio(r, results);
      lines.add(
          String.format(
              Locale.ROOT,
              "%s at %d commits: ready %s; serving newest %s; heap %s of %d commits'",
              r.service(),
              longest,
              seconds(r.readySeconds()),
              seconds(r.servingSeconds()),
              ratio.isEmpty()
                  ? "unread"
                  : String.format(
                      Locale.ROOT,
                      "%.2fx (<= %.2f: %s)",
                      ratio.getAsDouble(),
                      MAX_HEAP_RATIO,
                      ratio.getAsDouble() <= MAX_HEAP_RATIO ? "yes" : "NO"),
              shortest));
    }
    return lines;
  }

  private static String seconds(OptionalDouble s) {
    if (s.isEmpty()) {
      return "not reached (<= 30 s: NO)";
    }
    return String.format(
        Locale.ROOT,
        "%.1f s (<= %.0f s: %s)",
        s.getAsDouble(),
        MAX_SECONDS,
        s.getAsDouble() <= MAX_SECONDS ? "yes" : "NO");
  }
}
