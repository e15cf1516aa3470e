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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Writes the HTML site of a commit to {@code sites/<bookId>/<commit>/}: pages, images and the
 * stylesheet are written to a temporary folder which is then renamed, so a site is complete or
 * absent.
 */
@Component
public class SiteBuilder {

  private final SiteLibrary library;
  private final AssetStore assets;

  /** A builder writing into the library, taking images from the asset store. */
  public SiteBuilder(SiteLibrary library, AssetStore assets) {
    this.library = library;
    this.assets = assets;
  }

  /** What a build wrote: the site folder and its index page's hash and size. */
  public record BuiltSite(Path dir, String indexSha256, long indexBytes) {}

  /** Builds the site of {@code manifest} from its rendered chapters, in reading order. */
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
      SitePages pages = new SitePages(manifest, chapters, mediaTypes);
      byte[] index = pages.index().getBytes(StandardCharsets.UTF_8);
      Files.write(tmp.resolve("index.html"), index);
      for (int i = 0; i < chapters.size(); i++) {
        write(tmp, SiteLinks.pagePath(chapters.get(i).docId()), pages.chapter(i));
      }
      for (Map.Entry<String, String> a : mediaTypes.entrySet()) {
        if (assets.has(a.getKey())) {
          Path file = tmp.resolve(SiteLinks.assetPath(a.getKey(), a.getValue()));
          Files.createDirectories(file.getParent());
          Files.copy(assets.path(a.getKey()), file, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      for (String resource : List.of("style.css", "search.js")) {
        try (InputStream in = SiteBuilder.class.getResourceAsStream(resource)) {
          Files.write(tmp.resolve(resource), in.readAllBytes());
        }
      }
      String searchJson = SearchIndex.json(SearchIndex.of(chapters));
      Files.writeString(tmp.resolve("search-index.json"), searchJson, StandardCharsets.UTF_8);
      Files.writeString(
          tmp.resolve("search-index.js"), SearchIndex.script(searchJson), StandardCharsets.UTF_8);
      if (Files.exists(target)) {
        deleteRecursively(tmp); // built meanwhile; sites of one commit are identical
      } else {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      }
      return new BuiltSite(target, Digests.sha256Hex(index), index.length);
    } catch (IOException e) {
      throw new UncheckedIOException("could not build the site of " + manifest.commit(), e);
    }
  }

  private static void write(Path root, String relative, String html) throws IOException {
    Path file = root.resolve(relative).normalize();
    if (!file.startsWith(root)) {
      throw new IllegalArgumentException("chapter path leaves the site: " + relative);
    }
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
