package io.galley.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadReportTest {

  @Test
  void aStackThatHeldHasNoViolations() {
    assertThat(report(healthy(), 900, List.of(), "413").violations()).isEmpty();
  }

  @Test
  void namesEachBoundThatDidNotHold() {
    StackWatch.Seen render = healthy();
    render.exited = true;
    render.maxAfterGc = 0.93;
    render.notUpCount.set(3);
    render.notUp.add("12.0s java.net.ConnectException");

    List<String> violations =
        report(render, 2400, List.of("GET /books/b/: timeout"), "timeout").violations();

    assertThat(violations)
        .anyMatch(v -> v.startsWith("render: the process exited"))
        .anyMatch(v -> v.startsWith("render: heap after GC reached 93 %"))
        .anyMatch(v -> v.startsWith("render: health not UP in 3 of 10 probes"))
        .anyMatch(v -> v.startsWith("ordinary requests: p99 2400 ms"))
        .anyMatch(v -> v.startsWith("ordinary requests: 1 failed"))
        .anyMatch(v -> v.startsWith("POST /api/preview: 1 requests without a bounded answer"));
  }

  @Test
  void aServerErrorIsNotABoundedAnswer() {
    assertThat(report(healthy(), 100, List.of(), "500").violations())
        .singleElement()
        .asString()
        .contains("without a bounded answer");
  }

  private static StackWatch.Seen healthy() {
    StackWatch.Seen s = new StackWatch.Seen();
    s.heapSamples = 40;
    s.maxAfterGc = 0.3;
    s.healthProbes = 10;
    return s;
  }

  private static LoadReport report(
      StackWatch.Seen render, long p99, List<String> failures, String outcome) {
    EndpointStats preview = new EndpointStats("POST /api/preview");
    preview.record("table", outcome, 120, 300);
    Map<String, StackWatch.Seen> services = new LinkedHashMap<>();
    services.put("render", render);
    return new LoadReport(
        Map.of(preview.endpoint, preview),
        services,
        500,
        40,
        p99,
        failures,
        Duration.ofSeconds(60));
  }
}
