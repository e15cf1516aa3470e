package io.galley.bench;

import io.galley.bench.SizeResult.Format;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one-screen summary of issue 19's targets: what, measured, target and a verdict (PASS, FAIL or
 * NOT RUN with the reason), printed at the end of a run and written into latest.md.
 */
final class Summary {

  static final long IDLE_HEAP_LIMIT_MIB = 256;

  private final StringBuilder md =
      new StringBuilder("| what | measured | target | verdict |\n| --- | --- | --- | --- |\n");

  private Summary() {}

  static String table(List<SizeResult> results, ColdStart.Result cold, BenchOptions o) {
    Summary s = new Summary();
    Optional<SizeResult> small = size(results, 27);
    s.edit(
        "27 ch, edit -> HTML, no webhook (watched repo)",
        small,
        r -> r.pollingEdits,
        Format.HTML,
        300);
    s.edit("27 ch, edit -> HTML, webhook", small, r -> r.webhookEdits, Format.HTML, 150);
    s.edit("27 ch, edit -> EPUB, webhook", small, r -> r.webhookEdits, Format.EPUB, 250);
    s.edit("27 ch, edit -> PDF, webhook", small, r -> r.webhookEdits, Format.PDF, 1_000);
    s.bigPdf(1000, size(results, 1000), 5_000, o);
    s.bigPdf(270, size(results, 270), 2_000, o);
    s.cold(
        "cold start -> HTML of the sample guide",
        cold,
        o,
        cold == null ? -1 : cold.htmlSeconds,
        15);
    s.cold(
        "cold start -> all three of the sample guide",
        cold,
        o,
        cold == null ? -1 : cold.allSeconds,
        40);
    s.row(
        "cold start -> all editions, 42-chapter real book",
        "-",
        "<= 45 s",
        "NOT RUN (no real book in the harness; time it with infra/local/run --content)");
    for (Format f : List.of(Format.HTML, Format.EPUB)) {
      Optional<SizeResult> mid = size(results, 270);
      double ratio = mid.map(r -> r.pandocRatio(f)).orElse(-1.0);
      s.row(
          "270 ch, full " + f + " build vs pandoc",
          ratio < 0 ? "-" : String.format("%.1fx", ratio),
          ">= 10x",
          ratio < 0
              ? notRun(mid.isEmpty() ? "270 not in --sizes" : "no pandoc figure")
              : verdict(ratio >= 10));
    }
    s.idleHeap(cold, o);
    return s.md.toString();
  }

  private void edit(
      String what,
      Optional<SizeResult> r,
      java.util.function.Function<SizeResult, Map<Format, List<Long>>> edits,
      Format f,
      long limitMs) {
    String target = "p50 <= " + seconds(limitMs);
    if (r.isEmpty()) {
      row(what, "-", target, notRun("27 not in --sizes"));
      return;
    }
    Stats s = new Stats(edits.apply(r.get()).get(f));
    if (s.count() == 0) {
      row(what, "no edit reached " + f, target, "FAIL");
      return;
    }
    row(
        what,
        "p50 " + seconds(s.p50()) + ", p95 " + seconds(s.p95()) + " (n " + s.count() + ")",
        target,
        verdict(s.p50() <= limitMs));
  }

  private void bigPdf(int chapters, Optional<SizeResult> r, long limitMs, BenchOptions o) {
    String what = chapters + " ch, edit -> PDF";
    String target = "p50 <= " + seconds(limitMs);
    if (r.isEmpty() || (r.get().bigPdfEditsAttempted == 0 && r.get().editsAttempted == 0)) {
      row(what, "-", target, notRun(chapters + " not in --sizes"));
      return;
    }
    // a book up to --full-edits-max has its webhook edits wait for PDF already
    List<Long> pdf =
        r.get().bigPdfEditsAttempted > 0
            ? r.get().bigPdfEdits.get(Format.PDF)
            : r.get().webhookEdits.get(Format.PDF);
    if (pdf.isEmpty()) {
      row(
          what,
          "-",
          target,
          o.pdfEdits() == 0 ? notRun("--pdf-edits 0") : "FAIL (no edit reached PDF)");
      return;
    }
    Stats s = new Stats(pdf);
    row(
        what,
        "p50 " + seconds(s.p50()) + " (n " + s.count() + ")",
        target,
        verdict(s.p50() <= limitMs));
  }

  private void cold(String what, ColdStart.Result cold, BenchOptions o, double s, double limit) {
    String target = "<= " + (int) limit + " s";
    if (cold == null || !o.coldStart()) {
      row(
          what,
          "-",
          target,
          notRun(cold == null && o.coldStart() ? "phase failed" : "--cold-start off"));
    } else if (s < 0) {
      row(what, "not listed", target, "FAIL");
    } else {
      row(what, Report.num(s) + " s", target, verdict(s <= limit));
    }
  }

  private void idleHeap(ColdStart.Result cold, BenchOptions o) {
    String what = "idle heap per service (used after a full GC)";
    String target = "<= " + IDLE_HEAP_LIMIT_MIB + " MB each";
    if (cold == null || !o.idleHeap() || cold.idleHeapMib.isEmpty()) {
      row(what, "-", target, notRun(o.idleHeap() ? "phase failed" : "--idle-heap off"));
      return;
    }
    StringBuilder measured = new StringBuilder();
    cold.idleHeapMib.forEach(
        (k, v) -> measured.append(measured.isEmpty() ? "" : ", ").append(k).append(' ').append(v));
    boolean all = cold.idleHeapMib.size() == ColdStart.SERVICES.size();
    boolean ok = cold.idleHeapMib.values().stream().allMatch(v -> v <= IDLE_HEAP_LIMIT_MIB);
    row(
        what,
        measured + " MiB",
        target,
        all ? verdict(ok) : ok ? "FAIL (a service unread)" : "FAIL");
  }

  private static String seconds(long ms) {
    return String.format("%.2f s", ms / 1000.0);
  }

  private static String verdict(boolean pass) {
    return pass ? "PASS" : "FAIL";
  }

  private static String notRun(String why) {
    return "NOT RUN (" + why + ")";
  }

  private void row(String what, String measured, String target, String verdict) {
    md.append("| ")
        .append(what)
        .append(" | ")
        .append(measured)
        .append(" | ")
        .append(target)
        .append(" | ")
        .append(verdict)
        .append(" |\n");
  }

  private static Optional<SizeResult> size(List<SizeResult> results, int chapters) {
    return results.stream().filter(r -> r.chapters == chapters).findFirst();
  }
}
