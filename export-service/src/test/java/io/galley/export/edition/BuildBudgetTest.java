package io.galley.export.edition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.ref.Reference;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The memory budget reads the heap that really survives a collection in this JVM. */
class BuildBudgetTest {

  @Test
  void failsABuildWhoseLiveHeapIsOverTheMemoryBudgetAndLetsItGoOnceMemoryIsFree() {
    long max = Runtime.getRuntime().maxMemory();
    // hold a third of the heap in live arrays: after a full collection it is all still live
    byte[][] held = new byte[12][];
    for (int i = 0; i < held.length; i++) {
      held[i] = new byte[(int) Math.min(max / 36, Integer.MAX_VALUE - 16)];
    }
    System.gc();
    assertThat(BuildBudget.liveHeapPercent()).isGreaterThanOrEqualTo(30);
    BuildBudget budget = Budgets.of("max-heap-percent=25");
    assertThatThrownBy(() -> budget.checkHeap("the PDF build at chapter 'intro'"))
        .isInstanceOf(BudgetExceeded.class)
        .hasMessageContaining("the PDF build at chapter 'intro' ran out of its memory budget")
        .hasMessageContaining("galley.export.build.max-heap-percent (25%)");
    Reference.reachabilityFence(held);

    held = null;
    System.gc();
    assertThat(BuildBudget.liveHeapPercent()).isLessThan(25);
    assertThatCode(() -> budget.checkHeap("the PDF build at chapter 'intro'"))
        .doesNotThrowAnyException();
  }

  @Test
  void theDefaultsAreTheBoundDefaultValues() {
    // out-of-range values are ExportPropertiesTest's: the constraints stop start-up by name
    assertThat(BuildBudget.DEFAULTS.maxHeapPercent()).isEqualTo(85);
    assertThat(BuildBudget.DEFAULTS.maxPages()).isEqualTo(5_000);
    assertThat(BuildBudget.DEFAULTS.timeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(BuildBudget.DEFAULTS.attempts()).isEqualTo(2);
  }
}
