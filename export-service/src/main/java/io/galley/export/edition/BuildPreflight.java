package io.galley.export.edition;

import io.galley.events.AssetRef;
import io.galley.events.RenderedChapter;
import io.galley.media.ImageHeader;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a book against the memory side of its {@link BuildBudget} before any builder runs: the
 * size of each chapter and of all of them, and each image's dimensions read from its header (SVG
 * after sanitising). Returns the book with its SVG images replaced by their sanitised bytes.
 */
public final class BuildPreflight {

  private final BuildBudget budget;

  /** A check against {@code budget}. */
  public BuildPreflight(BuildBudget budget) {
    this.budget = budget;
  }

  /**
   * The book to build.
   *
   * @throws BudgetExceeded naming the chapter or image and the budget it is over
   */
  public BookContent check(BookContent book) {
    long chars = 0;
    Map<String, String> firstUse = new LinkedHashMap<>();
    for (RenderedChapter c : book.chapters()) {
      int length = c.xhtml().length();
      if (length > budget.maxChapterChars()) {
        throw new BudgetExceeded(
            "chapter '%s' is %,d characters of rendered XHTML, over galley.export.build.max-chapter-chars (%,d)"
                .formatted(c.docId(), length, budget.maxChapterChars()));
      }
      chars += length;
      c.assets().forEach(a -> firstUse.putIfAbsent(a.sha256(), c.docId()));
    }
    if (chars > budget.maxBookChars()) {
      throw new BudgetExceeded(
          "the chapters are %,d characters of rendered XHTML together, over galley.export.build.max-book-chars (%,d)"
              .formatted(chars, budget.maxBookChars()));
    }
    book.coverImage().ifPresent(c -> firstUse.putIfAbsent(c.sha256(), "book.yml cover"));
    Map<String, byte[]> sanitised = new HashMap<>();
    long pixels = 0;
    for (Map.Entry<String, String> use : firstUse.entrySet()) {
      String sha = use.getKey();
      Optional<byte[]> bytes = book.assets().bytes(sha);
      if (bytes.isEmpty()) {
        continue;
      }
      String where = where(book, sha, use.getValue());
      double[] size;
      if (book.mediaType(sha).equals("image/svg+xml")) {
        SvgSanitiser.Svg svg =
            SvgSanitiser.sanitise(bytes.get())
                .orElseThrow(
                    () ->
                        new BudgetExceeded(where + " is not a well-formed SVG without a DOCTYPE"));
        sanitised.put(sha, svg.bytes());
        size = new double[] {svg.width(), svg.height()};
      } else {
        ImageHeader s = ImageHeader.read(bytes.get()).orElse(null);
        if (s == null) {
          throw new BudgetExceeded(where + " has no image header this build can read");
        }
        size = new double[] {s.width(), s.height()};
      }
      pixels += check(where, size[0], size[1]);
      if (pixels > budget.maxTotalImagePixels()) {
        throw new BudgetExceeded(
            "%s brings the images to %,d pixels, over galley.export.build.max-total-image-pixels (%,d)"
                .formatted(where, pixels, budget.maxTotalImagePixels()));
      }
    }
    return sanitised.isEmpty()
        ? book
        : new BookContent(book.manifest(), book.chapters(), new Replaced(book.assets(), sanitised));
  }

  private long check(String where, double width, double height) {
    if (width > budget.maxImageSide() || height > budget.maxImageSide()) {
      throw new BudgetExceeded(
          "%s is %.0f × %.0f, over galley.export.build.max-image-side (%,d)"
              .formatted(where, width, height, budget.maxImageSide()));
    }
    long pixels = (long) Math.ceil(width) * (long) Math.ceil(height);
    if (pixels > budget.maxImagePixels()) {
      throw new BudgetExceeded(
          "%s is %.0f × %.0f = %,d pixels, over galley.export.build.max-image-pixels (%,d)"
              .formatted(where, width, height, pixels, budget.maxImagePixels()));
    }
    return pixels;
  }

  private static String where(BookContent book, String sha, String user) {
    String path = book.assetRef(sha).map(AssetRef::path).orElse(sha);
    return "image '"
        + path
        + "' (in "
        + (user.contains(" ") ? user : "chapter '" + user + "'")
        + ")";
  }

  private record Replaced(AssetSource source, Map<String, byte[]> replaced) implements AssetSource {
    @Override
    public Optional<byte[]> bytes(String sha256) {
      byte[] bytes = replaced.get(sha256);
      return bytes != null ? Optional.of(bytes) : source.bytes(sha256);
    }

    @Override
    public boolean contains(String sha256) {
      return source.contains(sha256);
    }
  }
}
