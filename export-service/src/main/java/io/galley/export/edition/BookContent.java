package io.galley.export.edition;

import io.galley.events.AssetRef;
import io.galley.events.CommitIngested;
import io.galley.events.RenderedChapter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Everything one edition of a book is built from: the manifest, its rendered chapters in reading
 * order and the assets.
 *
 * @param manifest the accepted commit
 * @param chapters one rendered chapter per manifest chapter, in the same order
 * @param assets image bytes by sha256
 */
public record BookContent(
    CommitIngested manifest, List<RenderedChapter> chapters, AssetSource assets) {

  public BookContent {
    Objects.requireNonNull(manifest, "manifest");
    chapters = List.copyOf(chapters);
    Objects.requireNonNull(assets, "assets");
    if (chapters.size() != manifest.chapters().size()) {
      throw new IllegalArgumentException(
          "expected " + manifest.chapters().size() + " chapters, got " + chapters.size());
    }
  }

  /** The renderer version(s) of the chapters, joined; part of the editionId. */
  public String rendererVersion() {
    TreeSet<String> versions = new TreeSet<>();
    chapters.forEach(c -> versions.add(c.rendererVersion()));
    return versions.isEmpty() ? "none" : String.join("+", versions);
  }

  /** The media type of an asset, from the manifest, else from its sha in any chapter. */
  public String mediaType(String sha256) {
    return assetRef(sha256).map(AssetRef::mediaType).orElse("application/octet-stream");
  }

  /** The asset reference with this hash, from the manifest or a chapter. */
  public Optional<AssetRef> assetRef(String sha256) {
    return manifest.assets().stream()
        .filter(a -> a.sha256().equals(sha256))
        .findFirst()
        .or(
            () ->
                chapters.stream()
                    .flatMap(c -> c.assets().stream())
                    .filter(a -> a.sha256().equals(sha256))
                    .findFirst());
  }

  /** The cover image's asset, when the book names a cover that is among the assets. */
  public Optional<AssetRef> coverImage() {
    String cover = manifest.book().cover();
    if (cover == null || cover.isBlank()) {
      return Optional.empty();
    }
    String normalized = cover.startsWith("./") ? cover.substring(2) : cover;
    return manifest.assets().stream().filter(a -> a.path().equals(normalized)).findFirst();
  }

  /** The file extension for a media type (png, jpg, gif, svg, webp). */
  public static String extension(String mediaType) {
    return switch (mediaType) {
      case "image/jpeg" -> "jpg";
      case "image/gif" -> "gif";
      case "image/svg+xml" -> "svg";
      case "image/webp" -> "webp";
      default -> "png";
    };
  }
}
