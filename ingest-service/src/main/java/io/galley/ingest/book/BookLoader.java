package io.galley.ingest.book;

import io.galley.events.AssetRef;
import io.galley.events.BookMetadata;
import io.galley.events.ChapterEntry;
import io.galley.ingest.validation.Problems;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a book folder of one commit into a {@link Book}, recording every problem found. The chapter
 * order comes from {@code book.yml}, else {@code SUMMARY.md}, else front matter {@code order} and
 * the file name. What a chapter file says by itself, and the hash of an image, are cached by blob
 * id, so a commit costs what it changed; the checks across files run at every commit. Thread-safe.
 */
public final class BookLoader {

  /** The parse cache of {@link #BookLoader(long, long)}, in bytes. */
  public static final long DEFAULT_CACHE_BYTES = 64L * 1024 * 1024;

  /** Default of the largest image in pixels: 100 million. */
  public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

  /** Default of the largest image width or height: 20,000 pixels. */
  public static final int DEFAULT_MAX_SIDE = 20_000;

  private static final int MAX_CACHED_IMAGES = 100_000;
  private static final int MAX_CACHED_YAMLS = 64;

  private final long maxDocumentBytes;
  private final long maxAssetBytes;
  private final long maxPixels;
  private final int maxSide;
  private final ChapterParser parser;
  private final ParseCache<ChapterReader.Key, ParsedChapter> chapters;
  private final ParseCache<String, String> imageShas;
  private final ParseCache<String, BookLayout.ReadYaml> yamls;

  /** A loader with the size limits of chapters and images, and the default cache. */
  public BookLoader(long maxDocumentBytes, long maxAssetBytes) {
    this(maxDocumentBytes, maxAssetBytes, DEFAULT_CACHE_BYTES);
  }

  /**
   * A loader with the size limits of chapters and images, keeping parsed chapters of about {@code
   * cacheBytes} in memory (0 caches nothing).
   */
  public BookLoader(long maxDocumentBytes, long maxAssetBytes, long cacheBytes) {
    this(maxDocumentBytes, maxAssetBytes, cacheBytes, DEFAULT_MAX_PIXELS, DEFAULT_MAX_SIDE);
  }

  /**
   * A loader as above that also refuses images over {@code maxPixels} pixels or {@code maxSide}
   * pixels wide or high, read from their headers before anything decodes them.
   */
  public BookLoader(
      long maxDocumentBytes, long maxAssetBytes, long cacheBytes, long maxPixels, int maxSide) {
    this.maxPixels = maxPixels;
    this.maxSide = maxSide;
    this.maxDocumentBytes = maxDocumentBytes;
    this.maxAssetBytes = maxAssetBytes;
    this.parser = new ChapterParser(maxDocumentBytes);
    this.chapters = new ParseCache<>(cacheBytes, ParsedChapter::weight);
    this.imageShas = new ParseCache<>(cacheBytes > 0 ? MAX_CACHED_IMAGES : 0, sha -> 1);
    this.yamls = new ParseCache<>(cacheBytes > 0 ? MAX_CACHED_YAMLS : 0, yaml -> 1);
  }

  /** How many chapter files were parsed (cache misses included, hits not). */
  public long chapterParses() {
    return chapters.misses();
  }

  /** How many images were hashed whose blob id was known (cache misses). */
  public long imageHashes() {
    return imageShas.misses();
  }

  /**
   * Loads the book in {@code folder} ("" = root); {@code defaultId} is the bookId when book.yml
   * gives none. Returns empty when an error was recorded.
   */
  public Optional<Book> load(BookFiles files, String folder, String defaultId, Problems problems) {
    BookLayout layout = BookLayout.read(files, folder, maxDocumentBytes, yamls, problems);
    AssetResolver assets =
        new AssetResolver(
            files,
            folder,
            new AssetResolver.Limits(maxAssetBytes, maxPixels, maxSide),
            imageShas,
            problems);
    ChapterReader reader = new ChapterReader(files, folder, assets, parser, chapters, problems);
    reader.prepare(layout.chapters());
    List<ChapterReader.ReadChapter> read = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    FileNames.checkNormalisation(files, folder, problems);
    for (BookLayout.Listed listed : layout.chapters()) {
      if (!FileNames.safeChapter(listed, problems)) {
        continue;
      }
      if (!seen.add(listed.path())) {
        problems.error(
            listed.source(),
            listed.line(),
            "chapter " + listed.path() + " is listed twice; each chapter can appear once");
        continue;
      }
      String base =
          RepoPaths.isInside(layout.contentFolder(), listed.path())
              ? layout.contentFolder()
              : folder;
      String docId = RepoPaths.relativize(base, listed.path()).replaceAll("(?i)\\.md$", "");
      reader.read(listed.path(), docId, listed.title()).ifPresent(read::add);
    }
    if (!layout.ordered()) {
      read.sort(
          Comparator.comparingDouble(ChapterReader.ReadChapter::order)
              .thenComparing(r -> r.chapter().path()));
    }
    List<Chapter> chapters = read.stream().map(ChapterReader.ReadChapter::chapter).toList();
    checkUnique(chapters, problems);
    BookYaml yml = layout.yaml();
    checkLinks(files, read, yml != null && yml.strictLinks().booleanValue(), problems);
    String cover = null;
    if (yml != null && yml.cover() != null && !yml.cover().isBlank()) {
      cover =
          assets
              .image(yml.cover(), folder, RepoPaths.join(folder, "book.yml"), 0)
              .map(AssetRef::path)
              .orElse(null);
    }
    if (chapters.isEmpty() && !problems.hasErrors()) {
      problems.error(layout.describingFile(), 0, "the book has no chapters; add a Markdown file");
    }
    if (problems.hasErrors()) {
      return Optional.empty();
    }
    BookMetadata metadata =
        yml != null
            ? metadata(yml, defaultId, cover)
            : new UnconfiguredMetadata(files, layout, folder, maxDocumentBytes, problems)
                .read(defaultId, chapters);
    List<ChapterEntry> entries =
        BookStructure.entries(chapters, layout.chapters(), metadata.numbering());
    return Optional.of(new Book(folder, metadata, chapters, assets.assets(), entries));
  }

  private static void checkUnique(List<Chapter> chapters, Problems problems) {
    Map<String, String> slugs = new HashMap<>();
    Map<String, String> docIds = new HashMap<>();
    for (Chapter c : chapters) {
      String other = docIds.putIfAbsent(c.docId().toLowerCase(Locale.ROOT), c.path());
      if (other != null) {
        problems.error(c.path(), 0, "docId " + c.docId() + " is also used by " + other);
      }
      if (c.slug() != null) {
        String sameSlug = slugs.putIfAbsent(c.slug(), c.path());
        if (sameSlug != null) {
          problems.error(
              c.path(),
              2,
              "slug " + c.slug() + " is also used by " + sameSlug + "; slugs must be unique");
        }
      }
    }
  }

  private static void checkLinks(
      BookFiles files, List<ChapterReader.ReadChapter> read, boolean strict, Problems problems) {
    Set<String> paths = new HashSet<>();
    read.forEach(r -> paths.add(r.chapter().path()));
    for (ChapterReader.ReadChapter r : read) {
      Chapter c = r.chapter();
      for (ParsedChapter.Reference link : r.links()) {
        Optional<String> target = RepoPaths.resolve(RepoPaths.parent(c.path()), link.target());
        if (target.isEmpty() || !paths.contains(target.get()) && !files.exists(target.get())) {
          int line = link.line();
          String message = "link to missing chapter " + link.target();
          if (strict) {
            problems.error(c.path(), line, message + " (book.yml asks for strict links)");
          } else {
            problems.warning(c.path(), line, message);
          }
        }
      }
    }
  }

  private static BookMetadata metadata(BookYaml y, String defaultId, String cover) {
    String id = y.id() == null || y.id().isBlank() ? defaultId : y.id();
    return new BookMetadata(
        id,
        y.title(),
        y.subtitle(),
        y.authors(),
        y.language(),
        y.publisher(),
        y.rights(),
        y.identifier() == null ? "urn:galley:" + id : y.identifier(),
        cover,
        y.pageSize(),
        y.print(),
        y.numbering(),
        y.contentsDepth());
  }
}
