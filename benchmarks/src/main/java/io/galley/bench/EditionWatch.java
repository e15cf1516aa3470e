package io.galley.bench;

import io.galley.bench.SizeResult.Format;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Polls {@code GET /api/editions} every 50 ms until a commit's editions are listed. */
final class EditionWatch {

  /**
   * Milliseconds from the start to each format listed (absent: timed out), and to the commit's
   * ingestion.
   */
  record Outcome(
      Map<Format, Long> millis,
      long ingestMillis,
      String status,
      Integer pdfPages,
      Map<Format, Long> bytes,
      Map<Format, Long> peakHeapMib) {

    @Override
    public String toString() {
      return "ingest "
          + (ingestMillis < 0 ? "?" : ingestMillis + " ms")
          + " ("
          + status
          + "), "
          + millis.entrySet().stream()
              .map(e -> e.getKey() + " " + e.getValue() + " ms")
              .collect(Collectors.joining(", "))
          + (pdfPages == null ? "" : ", " + pdfPages + " PDF pages");
    }
  }

  private final GalleyApi api;
  private final String bookId;
  private final BenchOptions options;

  private final LogWatch exportLog;
  private boolean exportDown;

  EditionWatch(GalleyApi api, String bookId, BenchOptions options, LogWatch exportLog) {
    this.api = api;
    this.bookId = bookId;
    this.options = options;
    this.exportLog = exportLog;
  }

  /**
   * Waits (bounded) for the formats of {@code commit}; with a sampler, notes each owning service's
   * peak heap.
   */
  Outcome await(
      String commit, long startNanos, Set<Format> formats, Duration timeout, HeapSampler heap)
      throws InterruptedException {
    Map<Format, Long> millis = new EnumMap<>(Format.class);
    Map<Format, Long> bytes = new EnumMap<>(Format.class);
    Map<Format, Long> peaks = new EnumMap<>(Format.class);
    long ingest = -1;
    String status = "not seen";
    Integer pages = null;
    long end = Math.min(startNanos + timeout.toNanos(), System.nanoTime() + options.nanosLeft());
    int polls = 0;
    while (millis.size() < formats.size() && System.nanoTime() < end) {
      if (exportDown && polls == 0) {
        polls = 1; // skip the export API at once; it is retried every 400 polls
      }
      if (polls % 40 == 39 && exportLog.fatal().isPresent()) {
        exportDown =
            true; // export is out of memory: its formats will not come, HTML is seen at render
        if (!formats.contains(Format.HTML) || millis.containsKey(Format.HTML)) {
          status += "; stopped waiting: " + exportLog.fatal().get();
          break;
        }
      }
      try {
        if (ingest < 0 && polls % 2 == 0) {
          Optional<String> s = api.commitStatus(commit);
          if (s.isPresent()) {
            ingest = (System.nanoTime() - startNanos) / 1_000_000;
            status = s.get();
            if (status.equals("rejected")) {
              throw new IllegalStateException(
                  "commit " + commit + " rejected: " + api.commitProblems(commit));
            }
          }
        }
        if (exportDown
            && formats.contains(Format.HTML)
            && !millis.containsKey(Format.HTML)
            && api.htmlEditionServed(bookId, commit)) {
          millis.put(Format.HTML, (System.nanoTime() - startNanos) / 1_000_000);
          status += "; HTML seen at render (export API not answering)";
        }
        if (exportDown && polls % 400 != 0) {
          polls++;
          Thread.sleep(50);
          continue;
        }
        for (GalleyApi.Edition e : api.editions()) {
          if (!e.bookId().equals(bookId) || !e.commit().equals(commit)) {
            continue;
          }
          Format f = Format.valueOf(e.format());
          if (formats.contains(f) && !millis.containsKey(f)) {
            millis.put(f, (System.nanoTime() - startNanos) / 1_000_000);
            bytes.put(f, e.bytes());
            if (heap != null) {
              peaks.put(f, heap.peakMib(f == Format.HTML ? GalleyApi.RENDER : GalleyApi.EXPORT));
              SizeBenchmark.log("%s of %s listed after %d ms", f, bookId, millis.get(f));
            }
            if (f == Format.PDF) {
              pages = e.pages();
            }
          }
        }
      } catch (IOException e) {
        // export not answering (busy, restarting or out of memory): from now on HTML is seen at
        // render
        exportDown =
            exportDown
                || e instanceof java.net.http.HttpTimeoutException
                || e instanceof java.net.ConnectException;
      }
      polls++;
      Thread.sleep(50);
    }
    return new Outcome(millis, ingest, status, pages, bytes, peaks);
  }
}
