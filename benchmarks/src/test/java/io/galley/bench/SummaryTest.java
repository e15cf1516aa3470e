package io.galley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.bench.SizeResult.Format;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary has a row per target of issue 19, with the verdict its figure earns. */
class SummaryTest {

  private static String rowOf(String table, String what) {
    return table.lines().filter(l -> l.startsWith("| " + what + " |")).findFirst().orElseThrow();
  }

  @Test
  void everyTargetIsNotRunWhenNoPhaseRan() {
    BenchOptions o =
        BenchOptions.parse(
            new String[] {"--sizes", "none", "--cold-start", "off", "--idle-heap", "off"});
    String table = Summary.table(List.of(), null, o);
    assertThat(table.lines().skip(2)).hasSize(12).allMatch(l -> l.contains("| NOT RUN ("));
    assertThat(rowOf(table, "cold start -> HTML of the sample guide")).contains("--cold-start off");
  }

  @Test
  void verdictsFollowTheFigures() {
    BenchOptions o = BenchOptions.parse(new String[] {"--sizes", "27", "--pdf-edits", "2"});
    SizeResult small = new SizeResult(27);
    small.editsAttempted = 3;
    small.webhookEdits.get(Format.HTML).addAll(List.of(120L, 140L, 900L));
    small.webhookEdits.get(Format.EPUB).addAll(List.of(400L, 420L, 430L));
    small.pollingEdits.get(Format.HTML).addAll(List.of(250L, 260L, 2_000L));
    ColdStart.Result cold = new ColdStart.Result();
    cold.htmlSeconds = 12.5;
    cold.allSeconds = 41;
    cold.idleHeapMib.putAll(java.util.Map.of("ingest", 90L, "render", 300L, "export", 120L));
    String table = Summary.table(List.of(small), cold, o);
    assertThat(rowOf(table, "27 ch, edit -> HTML, no webhook (watched repo)")).endsWith("| PASS |");
    assertThat(rowOf(table, "27 ch, edit -> HTML, webhook")).endsWith("| PASS |");
    assertThat(rowOf(table, "27 ch, edit -> EPUB, webhook")).endsWith("| FAIL |");
    assertThat(rowOf(table, "27 ch, edit -> PDF, webhook")).contains("FAIL");
    assertThat(rowOf(table, "1000 ch, edit -> PDF")).contains("NOT RUN");
    assertThat(rowOf(table, "cold start -> HTML of the sample guide")).endsWith("| PASS |");
    assertThat(rowOf(table, "cold start -> all three of the sample guide")).endsWith("| FAIL |");
    assertThat(rowOf(table, "idle heap per service (used after a full GC)"))
        .contains("render 300")
        .endsWith("| FAIL |");
  }
}
