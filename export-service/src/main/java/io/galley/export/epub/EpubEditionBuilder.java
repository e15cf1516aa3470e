package io.galley.export.epub;

import io.galley.events.AssetRef;
import io.galley.events.EditionFormat;
import io.galley.export.edition.BookContent;
import io.galley.export.edition.BudgetExceeded;
import io.galley.export.edition.BuildBudget;
import io.galley.export.edition.BuiltEdition;
import io.galley.export.edition.EditionBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Writes an EPUB 3 (with an NCX for EPUB 2 readers) from a book's rendered chapters; the same
 * content gives the same bytes. Thread-safe.
 */
public final class EpubEditionBuilder implements EditionBuilder {

  private final String css = resource("style.css");
  private final BuildBudget budget;

  /** A builder with the default budgets. */
  public EpubEditionBuilder() {
    this(BuildBudget.DEFAULTS);
  }

  /** A builder held to the time budget of {@code budget}, checked before each chapter. */
  public EpubEditionBuilder(BuildBudget budget) {
    this.budget = budget;
  }

  @Override
  public EditionFormat format() {
    return EditionFormat.EPUB;
  }

  @Override
  public BuiltEdition build(BookContent book) throws IOException {
    Map<String, Integer> chapterIndex = new HashMap<>();
    for (int i = 0; i < book.chapters().size(); i++) {
      chapterIndex.put(book.chapters().get(i).docId(), i + 1);
    }
    // chapters are independent: convert them on every core, keeping their order
    long deadline = System.nanoTime() + budget.timeout().toNanos();
    List<EpubChapters.ChapterFile> files =
        book.chapters().parallelStream()
            .map(
                chapter -> {
                  if (System.nanoTime() - deadline > 0) {
                    throw new BudgetExceeded(
                        "the EPUB build ran out of its time budget at chapter '%s', over galley.export.build.timeout (%s)"
                            .formatted(chapter.docId(), budget.timeout()));
                  }
                  budget.checkHeap("the EPUB build at chapter '%s'".formatted(chapter.docId()));
                  return EpubChapters.chapter(book, chapter, chapterIndex);
                })
            .toList();
    TreeSet<String> imageShas = new TreeSet<>();
    files.forEach(file -> imageShas.addAll(file.imageShas()));
    Optional<AssetRef> cover = book.coverImage().filter(c -> book.assets().contains(c.sha256()));
    cover.ifPresent(c -> imageShas.add(c.sha256()));
    List<EpubPackage.Image> images = new ArrayList<>();
    for (String sha : imageShas) {
      boolean isCover = cover.map(c -> c.sha256().equals(sha)).orElse(false);
      images.add(new EpubPackage.Image(sha, book.mediaType(sha), isCover));
    }
    Map<String, String> coverImage = new LinkedHashMap<>();
    cover.ifPresent(
        c ->
            coverImage.put(
                EpubChapters.imagePath(c.sha256(), book.mediaType(c.sha256())),
                "Cover of " + book.manifest().book().title()));
    try (EpubZip zip = new EpubZip(book.manifest().committedAt())) {
      zip.add("META-INF/container.xml", EpubPackage.CONTAINER);
      zip.add(
          "OEBPS/content.opf",
          EpubPackage.opf(
              book, images, files.stream().map(EpubChapters.ChapterFile::hasSvg).toList()));
      zip.add("OEBPS/nav.xhtml", EpubPackage.nav(book));
      zip.add("OEBPS/toc.ncx", EpubNcx.ncx(book));
      zip.add("OEBPS/style.css", css);
      zip.add("OEBPS/cover.xhtml", EpubPackage.cover(book, coverImage));
      for (int i = 0; i < files.size(); i++) {
        zip.add("OEBPS/" + EpubChapters.fileName(i + 1), files.get(i).xhtml());
      }
      for (EpubPackage.Image image : images) {
        byte[] bytes =
            book.assets()
                .bytes(image.sha())
                .orElseThrow(
                    () -> new IOException("asset " + image.sha() + " is not in the store"));
        zip.add("OEBPS/" + EpubChapters.imagePath(image.sha(), image.mediaType()), bytes);
      }
      return new BuiltEdition(zip.finish(), null);
    }
  }

  private static String resource(String name) {
    try (InputStream in = EpubEditionBuilder.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }
}
