package io.galley.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one endpoint's hostile requests got: outcomes counted by status (or {@code timeout}, {@code
 * refused}, {@code closed}), the slowest answer, the largest body, and the unbounded ones.
 */
final class EndpointStats {

  /** Outcomes that show a bounded answer: a refusal, a small error, or the resource itself. */
  private static final List<String> BOUNDED =
      List.of(
          "200", "202", "206", "400", "401", "403", "404", "413", "416", "429", "503", "closed");

  final String endpoint;
  private final Map<String, Integer> outcomes = new TreeMap<>();
  private final List<String> unbounded = new ArrayList<>();
  private int requests;
  private long maxMillis;
  private String slowest = "";
  private long maxBytes;

  EndpointStats(String endpoint) {
    this.endpoint = endpoint;
  }

  synchronized void record(String label, String outcome, long millis, long bytes) {
    requests++;
    outcomes.merge(outcome, 1, Integer::sum);
    if (millis > maxMillis) {
      maxMillis = millis;
      slowest = label;
    }
    maxBytes = Math.max(maxBytes, bytes);
    if (!BOUNDED.contains(outcome) && unbounded.size() < 5) {
      unbounded.add(label + " -> " + outcome + " after " + millis + " ms");
    }
  }

  synchronized int requests() {
    return requests;
  }

  synchronized int unboundedCount() {
    return outcomes.entrySet().stream()
        .filter(e -> !BOUNDED.contains(e.getKey()))
        .mapToInt(Map.Entry::getValue)
        .sum();
  }

  synchronized List<String> unboundedExamples() {
    return List.copyOf(unbounded);
  }

  synchronized String row() {
    return String.format(
        "%-34s %6d  %-46s %7d ms (%s) %9d B",
        endpoint, requests, outcomes, maxMillis, slowest, maxBytes);
  }
}
