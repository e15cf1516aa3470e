package io.galley.bench.restart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RestartMeasuresTest {

  @Test
  void readsTheWholeHeapsUseFromG1HeapInfo() {
    String g1 =
        """
        12345:
         garbage-first heap   total 262144K, used 45678K [0x00000000d0000000, 0x0000000100000000)
          region size 1024K, 3 young (3072K), 0 survivors (0K)
         Metaspace       used 81234K, committed 82000K, reserved 1122304K
        """;
    assertThat(HeapReading.usedKib(g1)).hasValue(45678);
    assertThat(HeapReading.usedKib("12345:\nAttach failed")).isEmpty();
  }

  @Test
  void tableGivesEachHeapAsARatioToTheShortestHistoryOfItsService() {
    List<RestartResult> results =
        List.of(
            result(100, "render", 100 * 1024),
            result(100, "export", 200 * 1024),
            result(10_000, "render", 110 * 1024),
            result(10_000, "export", 500 * 1024));
    String table = RestartResult.table(results);
    assertThat(table).contains("| 10000 | render | 3.0 | 4.5 | 6.0 | 110.0 | 110.0 | 1.10 |");
    assertThat(table).contains("| 10000 | export | 3.0 | 4.5 | 6.0 | 500.0 | 500.0 | 2.50 |");
    assertThat(table).contains("| 100 | render | 3.0 | 4.5 | 6.0 | 100.0 | 100.0 | 1.00 |");
  }

  @Test
  void verdictChecksTheLongestHistoryAgainstTheIssuesBounds() {
    List<RestartResult> results =
        List.of(
            result(100, "render", 100 * 1024),
            result(10_000, "render", 109 * 1024),
            result(100, "export", 100 * 1024),
            result(10_000, "export", 111 * 1024));
    assertThat(RestartVerdict.of(results))
        .containsExactly(
            "render at 10000 commits: ready 3.0 s (<= 30 s: yes); serving newest 4.5 s (<= 30 s:"
                + " yes); heap 1.09x (<= 1.10: yes) of 100 commits'",
            "export at 10000 commits: ready 3.0 s (<= 30 s: yes); serving newest 4.5 s (<= 30 s:"
                + " yes); heap 1.11x (<= 1.10: NO) of 100 commits'");
  }

  @Test
  void aServiceThatNeverServedSaysSo() {
    RestartResult r =
        new RestartResult(
            100,
            "export",
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalLong.empty(),
            OptionalLong.empty(),
            "timed out");
    assertThat(RestartResult.table(List.of(r)))
        .contains(
            "| 100 | export | not reached | not reached | not reached | – | – | – | timed out |");
  }

  @Test
  void editionsListCountsOnlyPublishedEditionsOfTheNewestCommitInEveryFormat() {
    String json =
        """
        [{"bookId":"a","commit":"c2","format":"HTML","state":"published"},
         {"bookId":"a","commit":"c2","format":"PDF","state":"published"},
         {"bookId":"a","commit":"c1","format":"EPUB","state":"published"},
         {"bookId":"a","commit":"c2","format":"EPUB","state":"failed"}]
        """;
    assertThat(ServingProbe.listsNewest(json, Map.of("a", "c2"))).isFalse();
    String fixed = json.replace("\"failed\"", "\"published\"");
    assertThat(ServingProbe.listsNewest(fixed, Map.of("a", "c2"))).isTrue();
    assertThat(ServingProbe.listsNewest(fixed, Map.of("a", "c2", "b", "c9"))).isFalse();
  }

  @Test
  void caughtUpOnlyWhenEveryPartitionIsCommittedToItsEnd() {
    TopicPartition t0 = new TopicPartition("t", 0);
    TopicPartition t1 = new TopicPartition("t", 1);
    Map<TopicPartition, Long> ends = Map.of(t0, 40L, t1, 0L);
    assertThat(ConsumerLag.readToEnd(ends, Map.of(t0, 40L))).isTrue(); // t1 is empty
    assertThat(ConsumerLag.readToEnd(ends, Map.of(t0, 39L, t1, 0L))).isFalse();
    assertThat(ConsumerLag.readToEnd(ends, Map.of())).isFalse();
    assertThat(ConsumerLag.partitionsOf(List.of("a", "b"), 2))
        .containsExactly(
            new TopicPartition("a", 0),
            new TopicPartition("a", 1),
            new TopicPartition("b", 0),
            new TopicPartition("b", 1));
  }

  @Test
  void historiesMustGrow() {
    assertThat(RestartOptions.parse("--histories", "20,200", "--books", "2").histories())
        .containsExactly(20, 200);
    assertThatThrownBy(() -> RestartOptions.parse("--histories", "200,20"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RestartOptions.parse("--sizes", "1"))
        .hasMessageContaining("unknown option --sizes");
  }

  private static RestartResult result(int history, String service, long kib) {
    return new RestartResult(
        history,
        service,
        OptionalDouble.of(3),
        OptionalDouble.of(4.5),
        OptionalDouble.of(6),
        OptionalLong.of(kib),
        OptionalLong.of(kib),
        "");
  }
}
