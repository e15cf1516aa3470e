package io.galley.bench.restart;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One service's restart with one history length.
 *
 * @param history commits on the topics
 * @param service {@code render} or {@code export}
 * @param readySeconds start to readiness 200, empty if not reached in time
 * @param servingSeconds start to serving the newest commit of every book, empty if not reached
 * @param caughtUpSeconds start to every consumer's lag 0 on the service's topics, empty if not seen
 * @param heapKib heap used after a full GC once serving (or at the timeout), empty if unread
 * @param settledHeapKib the same about 10 s later
 * @param note what went wrong, or empty
 */
record RestartResult(
    int history,
    String service,
    OptionalDouble readySeconds,
    OptionalDouble servingSeconds,
    OptionalDouble caughtUpSeconds,
    OptionalLong heapKib,
    OptionalLong settledHeapKib,
    String note) {

  RestartResult {
    Objects.requireNonNull(service, "service");
    note = note == null ? "" : note;
  }

  /** The results as a Markdown table; each heap ratio is to the shortest history's, per service. */
  static String table(List<RestartResult> results) {
    StringBuilder md =
        new StringBuilder(
            "| history (commits) | service | start → ready (s) | start → serving newest (s) |"
                + " start → topics read (s) | heap after GC (MiB) | heap after GC, +10 s (MiB) |"
                + " heap ratio to shortest history | note |\n"
                + "|---:|---|---:|---:|---:|---:|---:|---:|---|\n");
    for (RestartResult r : results) {
      md.append("| ")
          .append(r.history())
          .append(" | ")
          .append(r.service())
          .append(" | ")
          .append(seconds(r.readySeconds()))
          .append(" | ")
          .append(seconds(r.servingSeconds()))
          .append(" | ")
          .append(seconds(r.caughtUpSeconds()))
          .append(" | ")
          .append(mib(r.heapKib()))
          .append(" | ")
          .append(mib(r.settledHeapKib()))
          .append(" | ")
          .append(ratio(r, results))
          .append(" | ")
          .append(r.note())
          .append(" |\n");
    }
    return md.toString();
  }

  private static String ratio(RestartResult r, List<RestartResult> all) {
    OptionalDouble ratio = heapRatio(r, all);
    return ratio.isPresent() ? String.format(Locale.ROOT, "%.2f", ratio.getAsDouble()) : "–";
  }

  /** The settled heap of {@code r} over that of its service's shortest history in {@code all}. */
  static OptionalDouble heapRatio(RestartResult r, List<RestartResult> all) {
    RestartResult base =
        all.stream()
            .filter(o -> o.service().equals(r.service()) && o.settledHeapKib().isPresent())
            .min(java.util.Comparator.comparingInt(RestartResult::history))
            .orElse(null);
    if (base == null || r.settledHeapKib().isEmpty()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(
        (double) r.settledHeapKib().getAsLong() / base.settledHeapKib().getAsLong());
  }

  private static String seconds(OptionalDouble s) {
    return s.isPresent() ? String.format(Locale.ROOT, "%.1f", s.getAsDouble()) : "not reached";
  }

  private static String mib(OptionalLong kib) {
    return kib.isPresent() ? String.format(Locale.ROOT, "%.1f", kib.getAsLong() / 1024.0) : "–";
  }
}
