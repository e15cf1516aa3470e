package io.galley.ingest.book;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz test of the {@code SUMMARY.md} reader, through the book loader: any bytes become a book or
 * problems. Under plain JUnit it replays its seeds in {@code SummaryFuzzTestInputs/summaryMd/};
 * with {@code JAZZER_FUZZ=1} (the {@code fuzz} profile) Jazzer fuzzes it.
 */
class SummaryFuzzTest {

  @FuzzTest(maxDuration = "5m")
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void summaryMd(byte[] input) {
    if (input.length <= FuzzedBook.MAX_INPUT) {
      FuzzedBook.load("SUMMARY.md", input);
    }
  }
}
