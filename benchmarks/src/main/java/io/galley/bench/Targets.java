package io.galley.bench;

import io.galley.bench.SizeResult.Format;
import java.util.List;
import java.util.Optional;

/** The targets of issue 9, checked against the measured figures. */
final class Targets {

  private Targets() {}

  static String table(List<SizeResult> results) {
    StringBuilder md = new StringBuilder("| target | measured | verdict |\n| --- | --- | --- |\n");
    Optional<SizeResult> small = size(results, 27);
    Optional<SizeResult> mid = size(results, 270);
    Optional<SizeResult> large = size(results, 1000);
    edit(md, 27, small, Format.HTML, 1_000);
    edit(md, 27, small, Format.EPUB, 2_000);
    edit(md, 27, small, Format.PDF, 5_000);
    edit(md, 1000, large, Format.HTML, 1_000);
    if (large.isPresent() && large.get().fullBuild(Format.PDF) > 0) {
      SizeResult r = large.get();
      boolean oom =
          r.notes.stream().anyMatch(n -> n.startsWith("export") && n.contains("OutOfMemory"));
      row(
          md,
          "1000 chapters: full PDF builds with export heap <= 1 GB (runner: -Xmx1g)",
          "built in "
              + Report.num(r.fullBuild(Format.PDF))
              + " s, peak heap used "
              + r.peakHeapMib.getOrDefault(GalleyApi.EXPORT, -1L)
              + " MiB"
              + (oom ? ", OutOfMemoryError logged" : ""),
          oom ? "MISSED" : "met");
    } else {
      row(
          md,
          "1000 chapters: full PDF builds with export heap <= 1 GB",
          "no PDF (not run, timed out or failed)",
          large.isPresent() ? "MISSED" : "not measured");
    }
    for (Format f : List.of(Format.HTML, Format.EPUB)) {
      String target = "270 chapters: " + f + " >= 5x faster than pandoc";
      if (mid.isEmpty() || mid.get().pandocRatio(f) < 0) {
        row(
            md,
            target,
            mid.map(r -> r.pandocNote.isEmpty() ? "no figure" : r.pandocNote).orElse("not run"),
            "not measured");
      } else {
        double ratio = mid.get().pandocRatio(f);
        row(md, target, String.format("%.1fx", ratio), ratio >= 5 ? "met" : "MISSED");
      }
    }
    return md.toString();
  }

  private static void edit(
      StringBuilder md, int chapters, Optional<SizeResult> r, Format f, long limitMs) {
    String target =
        chapters + " chapters: single-chapter edit -> " + f + " p50 <= " + limitMs / 1000 + " s";
    if (r.isEmpty()) {
      row(md, target, "not run", "not measured");
      return;
    }
    Stats s = new Stats(r.get().webhookEdits.get(f));
    if (s.count() == 0) {
      row(md, target, "no edit reached " + f, "MISSED");
      return;
    }
    row(
        md,
        target,
        "p50 "
            + s.p50()
            + " ms, p95 "
            + s.p95()
            + " ms ("
            + s.count()
            + " of "
            + r.get().editsAttempted
            + " edits)",
        s.p50() <= limitMs ? "met" : "MISSED");
  }

  private static void row(StringBuilder md, String target, String measured, String verdict) {
    md.append("| ")
        .append(target)
        .append(" | ")
        .append(measured)
        .append(" | ")
        .append(verdict)
        .append(" |\n");
  }

  private static Optional<SizeResult> size(List<SizeResult> results, int chapters) {
    return results.stream().filter(r -> r.chapters == chapters).findFirst();
  }
}
