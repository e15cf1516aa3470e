package io.galley.export.pdf;

import com.openhtmltopdf.util.XRLog;
import io.galley.events.Digests;
import io.galley.events.EditionFormat;
import io.galley.events.RenderedChapter;
import io.galley.export.edition.BookContent;
import io.galley.export.edition.BookOutline;
import io.galley.export.edition.BudgetExceeded;
import io.galley.export.edition.BuildBudget;
import io.galley.export.edition.BuiltEdition;
import io.galley.export.edition.EditionBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import org.jsoup.nodes.Document;

/**
 * Builds the PDF edition: each chapter laid out by openhtmltopdf as its own part (cached on disk by
 * content, so an edit lays out only what changed), then the front matter with the contents' real
 * page numbers, then all parts streamed into one file with shared fonts, one structure tree,
 * outline, page labels and page numbers. Reproducible bytes; heap bounded by the largest part.
 * Thread-safe.
 */
public final class PdfEditionBuilder implements EditionBuilder {

  /** Bump when the parts' layout changes in a way their key does not capture. */
  private static final String PART_FORMAT = "parts/1 openhtmltopdf-1.1.65 pdfbox-3.0.8";

  /** Layouts of the chapters at most, when page references move pages (TeX needs two or three). */
  private static final int MAX_PASSES = 3;

  static {
    XRLog.setLoggerImpl(new Slf4jXrLogger());
  }

  /** Bookmarks list every chapter's sections, whatever the printed contents list. */
  private static final int BOOKMARK_DEPTH = 2;

  private static final PdfFonts FONTS = PdfFonts.load();
  private static final byte[] WHOLE_FACES = wholeFaces();
  private static final Set<String> FACE_NAMES = faceNames();

  private final PdfBookDocument assembler = new PdfBookDocument(css());
  private final PdfStamps stamps = new PdfStamps();
  private final PdfPartRenderer renderer;
  private final PdfPartCache cache;
  private final PdfPartLayouts layouts;
  private final Path partsDir;
  private final String exporterVersion;
  private final boolean archival;
  private final BuildBudget budget;

  /**
   * A builder whose output names {@code exporterVersion} as its producer, caching parts in a
   * temporary folder.
   *
   * @param archival tag the PDF for accessibility (PDF/UA-1) and make it PDF/A-3u
   */
  public PdfEditionBuilder(String exporterVersion, boolean archival) {
    this(exporterVersion, archival, temporaryFolder());
  }

  /** A builder that caches the laid-out parts under {@code partsDir}. */
  public PdfEditionBuilder(String exporterVersion, boolean archival, Path partsDir) {
    this(exporterVersion, archival, partsDir, BuildBudget.DEFAULTS);
  }

  /** A builder held to the page and time budgets of {@code budget}. */
  public PdfEditionBuilder(
      String exporterVersion, boolean archival, Path partsDir, BuildBudget budget) {
    this(exporterVersion, archival, partsDir, PdfPartCache.KEEP, budget);
  }

  /** A builder that deletes cached parts no build used for {@code keep}. */
  PdfEditionBuilder(String exporterVersion, boolean archival, Path partsDir, Duration keep) {
    this(exporterVersion, archival, partsDir, keep, BuildBudget.DEFAULTS);
  }

  private PdfEditionBuilder(
      String exporterVersion, boolean archival, Path partsDir, Duration keep, BuildBudget budget) {
    this.budget = budget;
    this.exporterVersion = exporterVersion;
    this.archival = archival;
    this.renderer = new PdfPartRenderer(FONTS, exporterVersion, archival);
    PdfPartCache cache = new PdfPartCache(partsDir, keep);
    this.cache = cache;
    this.layouts =
        new PdfPartLayouts(
            cache,
            renderer,
            PART_FORMAT + "\n" + exporterVersion + "\n" + archival + "\n",
            Math.min(2, Runtime.getRuntime().availableProcessors()));
    this.partsDir = partsDir;
  }

  @Override
  public EditionFormat format() {
    return EditionFormat.PDF;
  }

  /** How many parts this builder has laid out (the others came from the cache). */
  public long partsLaidOut() {
    return renderer.layouts();
  }

  @Override
  public BuiltEdition build(BookContent book) throws IOException {
    Files.createDirectories(partsDir);
    Path file = Files.createTempFile(partsDir, "edition", ".pdf.tmp");
    try (OutputStream out = Files.newOutputStream(file)) {
      return new BuiltEdition(file, write(book, out));
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  /** Writes the PDF of {@code book} to {@code out}; returns its number of pages. */
  public int write(BookContent book, OutputStream out) throws IOException {
    long deadline = System.nanoTime() + budget.timeout().toNanos();
    Set<String> docIds = new HashSet<>();
    book.chapters().forEach(c -> docIds.add(c.docId()));
    Set<Path> used = new LinkedHashSet<>();
    // page references need the pages of a layout; the text they add may move pages, so the
    // chapters are laid out again with the numbers found until those stay (unchanged parts come
    // from the cache); without page references one pass is all there is
    PdfPageNumbers numbers = null;
    StringBuilder keys;
    List<PdfEditionWriter.Chapter> chapters;
    for (int pass = 1; ; pass++) {
      keys = new StringBuilder(book.manifest().manifestHash());
      Map<String, String> asked = new HashMap<>();
      PdfPageNumbers known = numbers;
      PdfBookDocument.PageRefs refs =
          (docId, anchor) -> {
            String page = known == null ? "00" : known.page(docId, anchor);
            asked.put(docId + "#" + anchor, page);
            return page;
          };
      chapters = layOut(book, docIds, refs, used, keys, deadline);
      numbers = new PdfPageNumbers(chapters);
      PdfPageNumbers found = numbers;
      boolean settled =
          asked.entrySet().stream()
              .allMatch(
                  e -> {
                    String[] target = e.getKey().split("#", 2);
                    return e.getValue().equals(found.page(target[0], target[1]));
                  });
      if (settled || pass == MAX_PASSES) {
        break;
      }
    }
    PdfPageNumbers pages = numbers;
    Document frontHtml = assembler.front(book, target -> pages.page(target[0], target[1]));
    PdfPart front = PdfPartLayouts.await(layouts.submit(book, frontHtml, used, keys));
    PdfFinisher.Stamp stamp =
        new PdfFinisher(exporterVersion, archival)
            .stamp(book.manifest(), Digests.sha256Hex(keys.toString()));
    PdfEditionWriter writer =
        new PdfEditionWriter(
            front,
            chapters,
            BookOutline.of(book, BOOKMARK_DEPTH),
            stamps,
            WHOLE_FACES,
            FACE_NAMES,
            stamp);
    writer.write(out);
    cache.prune(front.file().getParent(), used);
    return writer.pages();
  }

  private List<PdfEditionWriter.Chapter> layOut(
      BookContent book,
      Set<String> docIds,
      PdfBookDocument.PageRefs refs,
      Set<Path> used,
      StringBuilder keys,
      long deadline)
      throws IOException {
    List<Future<PdfPart>> parts = new ArrayList<>();
    for (int i = 0; i < book.chapters().size(); i++) {
      parts.add(layouts.submit(book, assembler.chapter(book, i, docIds, refs), used, keys));
    }
    List<PdfEditionWriter.Chapter> chapters = new ArrayList<>();
    int pages = 0;
    try {
      for (int i = 0; i < parts.size(); i++) {
        RenderedChapter chapter = book.chapters().get(i);
        PdfPart part = PdfPartLayouts.await(parts.get(i));
        pages += part.pages();
        checkBudget(chapter, pages, deadline);
        chapters.add(new PdfEditionWriter.Chapter(chapter.docId(), chapter.title(), part));
      }
    } catch (BudgetExceeded e) {
      parts.forEach(f -> f.cancel(true)); // queued layouts of later chapters are not needed
      throw e;
    }
    return chapters;
  }

  private void checkBudget(RenderedChapter chapter, int pages, long deadline) {
    if (pages > budget.maxPages()) {
      throw new BudgetExceeded(
          "chapter '%s' brings the PDF to %,d pages, over galley.export.build.max-pages (%,d)"
              .formatted(chapter.docId(), pages, budget.maxPages()));
    }
    budget.checkHeap("the PDF build at chapter '%s'".formatted(chapter.docId()));
    if (System.nanoTime() - deadline > 0) {
      throw new BudgetExceeded(
          "the PDF build ran out of its time budget at chapter '%s', over galley.export.build.timeout (%s)"
              .formatted(chapter.docId(), budget.timeout()));
    }
  }

  private static Path temporaryFolder() {
    try {
      return Files.createTempDirectory("galley-pdf-parts");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a folder for PDF parts", e);
    }
  }

  private static byte[] wholeFaces() {
    try {
      return FONTS.wholeFaces();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot embed the fonts", e);
    }
  }

  private static Set<String> faceNames() {
    Set<String> names = new HashSet<>();
    for (String family : List.of("Serif", "Sans", "Mono")) {
      for (String style : List.of("", "-Bold", "-Italic", "-BoldItalic")) {
        names.add("Liberation" + family + style);
      }
    }
    return names;
  }

  private static String css() {
    // parts and contents have their own sheet, so that book.css stays about the text
    try (InputStream in = PdfEditionBuilder.class.getResourceAsStream("book.css");
        InputStream parts = PdfEditionBuilder.class.getResourceAsStream("contents.css")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          + "\n"
          + new String(parts.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read book.css", e);
    }
  }
}
