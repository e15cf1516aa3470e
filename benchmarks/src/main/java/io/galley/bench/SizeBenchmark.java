package io.galley.bench;

import io.galley.bench.SizeResult.Format;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One book size: pandoc, then the stack: warm-up commit, full build, single-chapter edits, profile,
 * stop.
 */
final class SizeBenchmark {

  static final int WARM_UP_CHAPTERS = 3;

  private final BenchOptions options;
  private final GalleyApi api = new GalleyApi();
  private final Map<Integer, Integer> revisions = new HashMap<>();

  SizeBenchmark(BenchOptions options) {
    this.options = options;
  }

  SizeResult run(int chapters) throws Exception {
    SizeResult result = new SizeResult(chapters);
    SyntheticBook book = new SyntheticBook(options.seed(), chapters);
    Path work = options.work().resolve("size-" + chapters);
    BenchFiles.deleteTree(work);
    Path repoDir = work.resolve("content");
    Path bookDir = repoDir.resolve("book");
    log("%d chapters: generating into %s", chapters, repoDir);
    Path pandocCopy = work.resolve("pandoc-input");
    for (Path p : book.writeTo(pandocCopy)) {
      result.sourceBytes += Files.size(p);
    }
    for (int i = 1; i <= chapters; i++) {
      result.words += SyntheticBookWords.prose(book.chapter(i, 0));
    }
    runPandoc(book, pandocCopy, work, result);
    book.writeTo(bookDir, WARM_UP_CHAPTERS);
    try (ContentRepo repo = ContentRepo.init(repoDir)) {
      String warmUp = repo.commitAll("Warm-up: the first " + WARM_UP_CHAPTERS + " chapters");
      Path state = Files.createDirectories(work.resolve("state")).toRealPath();
      log("%d chapters: starting the stack (infra/local/run, state %s)", chapters, state);
      long startNanos = System.nanoTime();
      try (LocalStack stack =
          LocalStack.start(options.root(), repoDir, "book", state, api, options.startTimeout())) {
        result.coldReadySeconds = seconds(System.nanoTime() - startNanos);
        EditionWatch watch =
            new EditionWatch(
                api,
                book.bookId(),
                options,
                new LogWatch(state.resolve("logs").resolve("export.log")));
        EditionWatch.Outcome first =
            watch.await(
                warmUp,
                System.nanoTime(),
                EnumSet.allOf(Format.class),
                options.buildTimeout(),
                null);
        log(
            "%d chapters: stack healthy after %.1f s; warm-up editions: %s",
            chapters, result.coldReadySeconds, first);
        warmUpBook(book, repo, bookDir, watch);
        book.writeTo(bookDir);
        String full = repo.commitAll("Synthetic book, " + chapters + " chapters");
        fullBuild(book, full, watch, result);
        Set<Format> formats =
            chapters <= options.fullEditsMaxChapters()
                ? options.editFormats()
                : EnumSet.of(Format.HTML);
        result.editsAttempted =
            edits(book, repo, bookDir, watch, true, options.edits(), formats, result.webhookEdits);
        result.pollingEditsAttempted =
            edits(
                book,
                repo,
                bookDir,
                watch,
                false,
                options.pollingEdits(),
                formats,
                result.pollingEdits);
        if (!formats.contains(Format.PDF) && options.pdfEdits() > 0) {
          // the big-book PDF phase: export re-assembles the whole file, so these are slow
          result.bigPdfEditsAttempted =
              edits(
                  book,
                  repo,
                  bookDir,
                  watch,
                  true,
                  options.pdfEdits(),
                  EnumSet.allOf(Format.class),
                  result.bigPdfEdits);
        }
        if (options.profile()
            && chapters <= options.profileMaxChapters()
            && !options.deadlinePassed()) {
          profile(book, repo, bookDir, watch, state, result);
        }
        checkLogs(state, result);
        log("%d chapters: stopping the stack", chapters);
      }
    }
    return result;
  }

  /**
   * Publishes the first chapters of a book with other text (the next seed): every chapter of the
   * measured book is then new to the caches, but the JIT has compiled the code that builds them.
   */
  private void warmUpBook(SyntheticBook book, ContentRepo repo, Path bookDir, EditionWatch watch)
      throws Exception {
    int upTo = Math.min(options.warmUpBookChapters(), book.chapters());
    if (upTo <= WARM_UP_CHAPTERS) {
      return;
    }
    new SyntheticBook(book.seed() + 1, book.chapters()).writeTo(bookDir, upTo);
    String commit = repo.commitAll("Warm-up: " + upTo + " chapters of other text");
    long t0 = System.nanoTime();
    api.pushWebhook();
    EditionWatch.Outcome warm =
        watch.await(commit, t0, EnumSet.allOf(Format.class), options.buildTimeout(), null);
    log("%d chapters: warm-up book of %d chapters: %s", book.chapters(), upTo, warm);
  }

  private void fullBuild(SyntheticBook book, String commit, EditionWatch watch, SizeResult result)
      throws Exception {
    long t0 = System.nanoTime();
    api.pushWebhook();
    try (HeapSampler heap = new HeapSampler(api)) {
      EditionWatch.Outcome full =
          watch.await(commit, t0, EnumSet.allOf(Format.class), options.buildTimeout(), heap);
      full.millis().forEach((f, ms) -> result.fullBuildSeconds.put(f, ms / 1000.0));
      result.fullBuildPeakHeapMib.putAll(full.peakHeapMib());
      result.ingestSeconds = full.ingestMillis() / 1000.0;
      for (int port : HeapSampler.PORTS) {
        result.peakHeapMib.put(port, heap.peakMib(port));
      }
      result.pdfPages = full.pdfPages();
      result.pdfBytes = full.bytes().getOrDefault(Format.PDF, -1L);
      result.epubBytes = full.bytes().getOrDefault(Format.EPUB, -1L);
      log(
          "%d chapters: full build %s; peak heap MiB ingest/render/export %s",
          book.chapters(), full, result.peakHeapMib.values());
    }
  }

  /** Single-chapter edits, each timed to the formats listed; returns how many were made. */
  private int edits(
      SyntheticBook book,
      ContentRepo repo,
      Path bookDir,
      EditionWatch watch,
      boolean webhook,
      int count,
      Set<Format> formats,
      Map<Format, List<Long>> into)
      throws Exception {
    int attempted = 0;
    for (int k = 1; k <= count && !options.deadlinePassed(); k++) {
      int chapter = 1 + (int) ((k * 7919L + (webhook ? 0 : 13)) % book.chapters());
      Path file = book.writeChapter(bookDir, chapter, bump(chapter));
      String commit =
          repo.commitFile(
              "book/" + book.chapterPath(chapter),
              "Edit chapter " + chapter + (webhook ? " (webhook)" : " (no webhook)"));
      long t0 = System.nanoTime();
      if (webhook) {
        api.pushWebhook();
      }
      attempted++;
      EditionWatch.Outcome o = watch.await(commit, t0, formats, options.editTimeout(), null);
      o.millis().forEach((f, ms) -> into.get(f).add(ms));
      log(
          "%d chapters: edit %d/%d (%s, %s) %s",
          book.chapters(), k, count, webhook ? "webhook" : "no webhook", file.getFileName(), o);
    }
    return attempted;
  }

  /**
   * A second full build (every chapter edited) with JFR on in each service; the profile is not
   * timed.
   */
  private void profile(
      SyntheticBook book,
      ContentRepo repo,
      Path bookDir,
      EditionWatch watch,
      Path state,
      SizeResult result)
      throws Exception {
    for (int i = 1; i <= book.chapters(); i++) {
      book.writeChapter(bookDir, i, bump(i));
    }
    Map<String, Long> pids = new HashMap<>();
    for (String service : List.of("ingest", "render", "export")) {
      Optional<Long> pid = Profiler.pidOf(service, state);
      if (pid.isPresent()) {
        pids.put(service, pid.get());
        Profiler.jcmd(
            pid.get(),
            "JFR.start",
            "name=bench",
            "settings=profile",
            "filename=" + state.resolve(service + "-full-build.jfr"));
      }
    }
    String commit = repo.commitAll("Edit every chapter (profiled full rebuild)");
    long t0 = System.nanoTime();
    api.pushWebhook();
    EditionWatch.Outcome o =
        watch.await(commit, t0, EnumSet.allOf(Format.class), options.buildTimeout(), null);
    log("%d chapters: profiled full build %s", book.chapters(), o);
    for (Map.Entry<String, Long> e : pids.entrySet()) {
      Path jfr = state.resolve(e.getKey() + "-full-build.jfr");
      Profiler.jcmd(e.getValue(), "JFR.stop", "name=bench");
      result.profile +=
          "### "
              + e.getKey()
              + "-service, full rebuild of "
              + book.chapters()
              + " chapters ("
              + jfr
              + ")\n\n```\n"
              + Profiler.hotMethods(jfr, 15)
              + "```\n\n";
    }
  }

  private void runPandoc(SyntheticBook book, Path bookDir, Path work, SizeResult result)
      throws Exception {
    Optional<String> version = PandocRun.version();
    if (version.isEmpty()) {
      result.pandocNote = "pandoc: not installed, skipped";
      log("%s", result.pandocNote);
      return;
    }
    if (book.chapters() > options.pandocMaxChapters()) {
      result.pandocNote =
          "pandoc: skipped above " + options.pandocMaxChapters() + " chapters (--pandoc-max)";
      return;
    }
    log("%d chapters: %s building standalone HTML and EPUB", book.chapters(), version.get());
    result.pandoc =
        PandocRun.build(
            version.get(), book, bookDir, work.resolve("pandoc"), options.buildTimeout());
    log(
        "%d chapters: pandoc HTML %.2f s, EPUB %.2f s",
        book.chapters(), result.pandoc.htmlSeconds(), result.pandoc.epubSeconds());
  }

  private void checkLogs(Path state, SizeResult result) throws Exception {
    for (String service : List.of("ingest", "render", "export")) {
      Path log = state.resolve("logs").resolve(service + ".log");
      if (Files.exists(log) && Files.readString(log).contains("OutOfMemoryError")) {
        result.notes.add(service + "-service logged an OutOfMemoryError");
      }
    }
  }

  private int bump(int chapter) {
    return revisions.merge(chapter, 1, Integer::sum);
  }

  static double seconds(long nanos) {
    return nanos / 1e9;
  }

  static void log(String format, Object... args) {
    System.out.printf("[bench %tT] %s%n", System.currentTimeMillis(), String.format(format, args));
  }
}
