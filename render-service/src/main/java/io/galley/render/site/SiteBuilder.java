package io.galley.render.site;

import io.galley.events.AssetRef;
import io.galley.events.CommitIngested;
import io.galley.events.Digests;
import io.galley.events.RenderedChapter;
import io.galley.render.assets.AssetStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes the HTML site of a commit to {@code sites/<bookId>/<commit>/}: pages, images and the
 * stylesheet are written to a temporary folder which is then renamed, so a site is complete or
 * absent.
 */
@Component
public class SiteBuilder {

  private static final Logger log = LoggerFactory.getLogger(SiteBuilder.class);

  private final SiteLibrary library;
  private final AssetStore assets;
  private final Map<String, Previous> previous = new ConcurrentHashMap<>();

  /** A builder writing into the library, taking images from the asset store. */
  public SiteBuilder(SiteLibrary library, AssetStore assets) {
    this.library = library;
    this.assets = assets;
  }

  /** What a build wrote: the site folder and its index page's hash and size. */
  public record BuiltSite(Path dir, String indexSha256, long indexBytes) {}

  /** The last site built of a book and the fingerprints of its chapter pages. */
  private record Previous(
      String commit,
      Map<String, String> pages,
      Map<SearchIndex.Source, List<SearchIndex.Entry>> sections) {}

  /**
   * Builds the site of {@code manifest} from its rendered chapters, in reading order. Chapter pages
   * and images that the last site built of the book has with the same content are hard-linked from
   * it (or copied) instead of being written again; the result is the same bytes either way.
   */
  public BuiltSite build(CommitIngested manifest, List<RenderedChapter> chapters) {
    Path target = library.siteDir(manifest.bookId(), manifest.commit());
    Path tmp = target.resolveSibling(".building-" + manifest.commit());
    try {
      deleteRecursively(tmp);
      Files.createDirectories(tmp);
      Map<String, String> mediaTypes = new LinkedHashMap<>();
      for (AssetRef a : manifest.assets()) {
        mediaTypes.putIfAbsent(a.sha256(), a.mediaType());
      }
      for (RenderedChapter c : chapters) {
        c.assets().forEach(a -> mediaTypes.putIfAbsent(a.sha256(), a.mediaType()));
      }
      Map<String, String> fingerprints = PageFingerprints.of(manifest.book(), chapters, mediaTypes);
      Previous prev = previous.get(manifest.bookId());
      Path from = prev == null ? null : library.siteDir(manifest.bookId(), prev.commit());
      Map<String, String> prevPages = prev == null ? Map.of() : prev.pages();
      if (from != null && (prev.commit().equals(manifest.commit()) || !Files.isDirectory(from))) {
        from = null;
      }
      SitePages pages = new SitePages(manifest, chapters, mediaTypes);
      byte[] index = pages.index().getBytes(StandardCharsets.UTF_8);
      Files.write(tmp.resolve("index.html"), index);
      int reused = 0;
      for (int i = 0; i < chapters.size(); i++) {
        String page = SiteLinks.pagePath(chapters.get(i).docId());
        String fingerprint = fingerprints.get(page);
        if (from != null
            && fingerprint != null
            && fingerprint.equals(prevPages.get(page))
            && reuse(from, tmp, page)) {
          reused++;
        } else {
          write(tmp, page, pages.chapter(i));
        }
      }
      for (Map.Entry<String, String> a : mediaTypes.entrySet()) {
        String file = SiteLinks.assetPath(a.getKey(), a.getValue());
        if (assets.has(a.getKey()) && (from == null || !reuse(from, tmp, file))) {
          Files.createDirectories(tmp.resolve(file).getParent());
          Files.copy(
              assets.path(a.getKey()), tmp.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      for (String resource : List.of("style.css", "search.js")) {
        try (InputStream in = SiteBuilder.class.getResourceAsStream(resource)) {
          Files.write(tmp.resolve(resource), in.readAllBytes());
        }
      }
      Map<SearchIndex.Source, List<SearchIndex.Entry>> sections = new HashMap<>();
      List<SearchIndex.Entry> entries = new ArrayList<>();
      for (RenderedChapter c : chapters) {
        SearchIndex.Source key = SearchIndex.Source.of(c);
        List<SearchIndex.Entry> known = prev == null ? null : prev.sections().get(key);
        List<SearchIndex.Entry> section = known != null ? known : SearchIndex.of(c);
        sections.put(key, section);
        entries.addAll(section);
      }
      String searchJson = SearchIndex.json(entries);
      Files.writeString(tmp.resolve("search-index.json"), searchJson, StandardCharsets.UTF_8);
      Files.writeString(
          tmp.resolve("search-index.js"), SearchIndex.script(searchJson), StandardCharsets.UTF_8);
      if (Files.exists(target)) {
        deleteRecursively(tmp); // built meanwhile; sites of one commit are identical
      } else {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      }
      previous.put(manifest.bookId(), new Previous(manifest.commit(), fingerprints, sections));
      log.debug(
          "site of {}@{}: {} of {} chapter pages reused",
          manifest.bookId(),
          manifest.commit(),
          reused,
          chapters.size());
      return new BuiltSite(target, Digests.sha256Hex(index), index.length);
    } catch (IOException e) {
      throw new UncheckedIOException("could not build the site of " + manifest.commit(), e);
    }
  }

  /**
   * Hard-links (or, where links fail, copies) {@code relative} from the site {@code from} into
   * {@code root}; false if {@code from} does not have that file.
   */
  private static boolean reuse(Path from, Path root, String relative) throws IOException {
    Path source = inside(from, relative);
    if (!Files.isRegularFile(source)) {
      return false;
    }
    Path file = inside(root, relative);
    Files.createDirectories(file.getParent());
    try {
      Files.createLink(file, source);
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(source, file, StandardCopyOption.REPLACE_EXISTING);
    }
    return true;
  }

  private static Path inside(Path root, String relative) {
    Path file = root.resolve(relative).normalize();
    if (!file.startsWith(root)) {
      throw new IllegalArgumentException("chapter path leaves the site: " + relative);
    }
    return file;
  }

  private static void write(Path root, String relative, String html) throws IOException {
    Path file = inside(root, relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, html, StandardCharsets.UTF_8);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
