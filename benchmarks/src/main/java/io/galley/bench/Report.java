package io.galley.bench;

import io.galley.bench.SizeResult.Format;
import java.util.List;
import java.util.Map;

/** The results as markdown tables (printed and written to a file). */
final class Report {

  private Report() {}

  static String markdown(
      String machine, BenchOptions o, List<SizeResult> results, ColdStart.Result cold) {
    StringBuilder md =
        new StringBuilder("# Galley benchmark results\n\n").append(machine).append('\n');
    md.append(
        String.format(
            "Seed %d; %d webhook edits and %d edits without webhook per size; edits wait for %s.%n%n",
            o.seed(), o.edits(), o.pollingEdits(), o.editFormats()));
    md.append("## Summary: issue 19 targets\n\n").append(Summary.table(results, cold, o));
    if (cold != null) {
      md.append(ColdReport.markdown(cold, o));
    }
    md.append('\n');
    md.append("## Full builds on a warm stack\n\n")
        .append(
            "| chapters | words | PDF pages | ingest s | HTML s | EPUB s | PDF s | render chapters/s "
                + "| PDF pages/s | peak heap MiB ingest / render / export | export heap at EPUB / PDF listed |\n")
        .append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |\n");
    for (SizeResult r : results) {
      md.append(
          String.format(
              "| %d | %,d | %s | %s | %s | %s | %s | %s | %s | %s / %s / %s | %s / %s |%n",
              r.chapters,
              r.words,
              r.pdfPages == null ? "-" : r.pdfPages,
              num(r.ingestSeconds),
              num(r.fullBuild(Format.HTML)),
              num(r.fullBuild(Format.EPUB)),
              num(r.fullBuild(Format.PDF)),
              num(r.chaptersPerSecond()),
              num(r.pdfPagesPerSecond()),
              mib(r.peakHeapMib.get(GalleyApi.INGEST)),
              mib(r.peakHeapMib.get(GalleyApi.RENDER)),
              mib(r.peakHeapMib.get(GalleyApi.EXPORT)),
              mib(r.fullBuildPeakHeapMib.get(Format.EPUB)),
              mib(r.fullBuildPeakHeapMib.get(Format.PDF))));
    }
    md.append(
        "\nSeconds from the commit (pushed with the webhook) to each edition listed by GET /api/editions;"
            + " the stack had published a 3-chapter warm-up commit of the same book first"
            + (o.warmUpBookChapters() > SizeBenchmark.WARM_UP_CHAPTERS
                ? ", then up to "
                    + o.warmUpBookChapters()
                    + " chapters of a book with other text (seed + 1), so no chapter of the"
                    + " measured book was cached but the services' code was compiled"
                : "")
            + ". Stack start-up (runner to healthy): ");
    md.append(
            String.join(
                ", ",
                results.stream()
                    .map(r -> r.chapters + " ch " + num(r.coldReadySeconds) + " s")
                    .toList()))
        .append(".\n");
    md.append("\n## Single-chapter edits: commit to edition listed, ms (p50 / p95, n)\n\n")
        .append("| chapters | trigger | HTML | EPUB | PDF |\n| ---: | --- | --- | --- | --- |\n");
    for (SizeResult r : results) {
      md.append(editRow(r.chapters, "webhook", r.webhookEdits, r.editsAttempted));
      md.append(
          editRow(
              r.chapters,
              "no webhook (ref watcher, 1 s polling)",
              r.pollingEdits,
              r.pollingEditsAttempted));
      if (r.bigPdfEditsAttempted > 0) {
        md.append(
            editRow(r.chapters, "webhook, --pdf-edits", r.bigPdfEdits, r.bigPdfEditsAttempted));
      }
    }
    md.append("\n## Pandoc on the same Markdown (standalone HTML, EPUB)\n\n")
        .append(
            "| chapters | pandoc HTML s | Galley HTML s | ratio | pandoc EPUB s | Galley EPUB s | ratio |\n")
        .append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (SizeResult r : results) {
      if (r.pandoc == null) {
        md.append(String.format("| %d | %s | | | | | |%n", r.chapters, r.pandocNote));
      } else {
        md.append(
            String.format(
                "| %d | %s | %s | %s | %s | %s | %s |%n",
                r.chapters,
                num(r.pandoc.htmlSeconds()),
                num(r.fullBuild(Format.HTML)),
                ratio(r.pandocRatio(Format.HTML)),
                num(r.pandoc.epubSeconds()),
                num(r.fullBuild(Format.EPUB)),
                ratio(r.pandocRatio(Format.EPUB))));
      }
    }
    md.append(
        "\nratio = pandoc time / Galley warm full-build time (how many times faster Galley is).\n");
    md.append("\n## Targets of issue 9\n\n").append(Targets.table(results));
    for (SizeResult r : results) {
      r.notes.forEach(n -> md.append("\n- ").append(r.chapters).append(" chapters: ").append(n));
    }
    String profiles = results.stream().map(r -> r.profile).reduce("", String::concat);
    if (!profiles.isEmpty()) {
      md.append("\n\n## Profiles (JFR execution samples)\n\n").append(profiles);
    }
    return md.append('\n').toString();
  }

  private static String editRow(
      int chapters, String trigger, Map<Format, List<Long>> edits, int attempted) {
    StringBuilder row =
        new StringBuilder().append("| ").append(chapters).append(" | ").append(trigger);
    for (Format f : List.of(Format.HTML, Format.EPUB, Format.PDF)) {
      Stats s = new Stats(edits.get(f));
      row.append(" | ")
          .append(
              s.count() == 0
                  ? "-"
                  : s.p50() + " / " + s.p95() + " (" + s.count() + "/" + attempted + ")");
    }
    return row.append(" |\n").toString();
  }

  static String num(double v) {
    return v < 0 ? "-" : v >= 100 ? String.format("%.0f", v) : String.format("%.2f", v);
  }

  private static String ratio(double v) {
    return v < 0 ? "-" : String.format("%.1fx", v);
  }

  private static String mib(Long v) {
    return v == null || v < 0 ? "-" : v.toString();
  }
}
