package io.galley.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What one book size measured; fields stay empty or -1 where a phase was skipped or timed out. */
final class SizeResult {

  /** The three editions. */
  enum Format {
    HTML,
    EPUB,
    PDF
  }

  final int chapters;
  long words;
  long sourceBytes;
  double coldReadySeconds = -1;
  double ingestSeconds = -1;
  final Map<Format, Double> fullBuildSeconds = new EnumMap<>(Format.class);
  final Map<Format, Long> fullBuildPeakHeapMib = new EnumMap<>(Format.class);
  final Map<Integer, Long> peakHeapMib = new java.util.TreeMap<>();
  Integer pdfPages;
  long pdfBytes = -1;
  long epubBytes = -1;
  final Map<Format, List<Long>> webhookEdits = lists();
  final Map<Format, List<Long>> pollingEdits = lists();

  /** Edits of a book above --full-edits-max that waited for every format (--pdf-edits). */
  final Map<Format, List<Long>> bigPdfEdits = lists();

  int editsAttempted;
  int pollingEditsAttempted;
  int bigPdfEditsAttempted;
  PandocRun.Times pandoc;
  String pandocNote = "";
  String profile = "";
  final List<String> notes = new ArrayList<>();

  SizeResult(int chapters) {
    this.chapters = chapters;
  }

  private static Map<Format, List<Long>> lists() {
    Map<Format, List<Long>> m = new EnumMap<>(Format.class);
    for (Format f : Format.values()) {
      m.put(f, new ArrayList<>());
    }
    return m;
  }

  double fullBuild(Format f) {
    return fullBuildSeconds.getOrDefault(f, -1.0);
  }

  double chaptersPerSecond() {
    double s = fullBuild(Format.HTML);
    return s > 0 ? chapters / s : -1;
  }

  double pdfPagesPerSecond() {
    double s = fullBuild(Format.PDF);
    return s > 0 && pdfPages != null ? pdfPages / s : -1;
  }

  /**
   * pandoc seconds / Galley seconds for a format (how many times faster Galley is), -1 if unknown.
   */
  double pandocRatio(Format f) {
    if (pandoc == null) {
      return -1;
    }
    double theirs = f == Format.HTML ? pandoc.htmlSeconds() : pandoc.epubSeconds();
    double ours = fullBuild(f);
    return theirs > 0 && ours > 0 ? theirs / ours : -1;
  }
}
