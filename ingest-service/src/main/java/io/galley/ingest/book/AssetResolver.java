package io.galley.ingest.book;

import io.galley.events.AssetRef;
import io.galley.events.Digests;
import io.galley.ingest.validation.Problems;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Resolves paths inside one book folder: symlinks, and images with their type, size and bytes. */
final class AssetResolver {

  private static final Map<String, String> MEDIA_TYPES =
      Map.of(
          "png", "image/png",
          "jpg", "image/jpeg",
          "jpeg", "image/jpeg",
          "gif", "image/gif",
          "svg", "image/svg+xml",
          "webp", "image/webp");

  private final BookFiles files;
  private final String folder;

  /** How large an image may be: in bytes, in pixels, and in pixels on its longer side. */
  record Limits(long maxBytes, long maxPixels, int maxSide) {}

  private final long maxAssetBytes;
  private final ImageChecks checks;
  private final Problems problems;
  private final ParseCache<String, String> shaByBlob;
  private final Map<String, Optional<Asset>> byPath = new HashMap<>();
  private final Map<String, Asset> bySha = new LinkedHashMap<>();

  /** A resolver that hashes images of known blob ids once, in {@code shaByBlob}. */
  AssetResolver(
      BookFiles files,
      String folder,
      Limits limits,
      ParseCache<String, String> shaByBlob,
      Problems problems) {
    this.files = files;
    this.folder = folder;
    this.checks = new ImageChecks(limits, folder, problems);
    this.maxAssetBytes = limits.maxBytes();
    this.shaByBlob = shaByBlob;
    this.problems = problems;
  }

  /** Every image resolved so far, by sha256 in first-use order. */
  Map<String, Asset> assets() {
    return bySha;
  }

  /**
   * Follows symlinks of a path inside the book folder; records an error at {@code path} and returns
   * empty when a link leads outside it.
   */
  Optional<String> realPath(String path) {
    String current = path;
    for (int hops = 0; hops < 8; hops++) {
      if (!files.isSymlink(current)) {
        return Optional.of(current);
      }
      String target =
          new String(files.read(current).orElse(new byte[0]), StandardCharsets.UTF_8).strip();
      Optional<String> next = RepoPaths.resolve(RepoPaths.parent(current), target);
      if (next.isEmpty() || !RepoPaths.isInside(folder, next.get())) {
        problems.error(path, 0, "symbolic link to " + target + " leads outside the book folder");
        return Optional.empty();
      }
      current = next.get();
    }
    problems.error(path, 0, "too many levels of symbolic links");
    return Optional.empty();
  }

  /** Resolves an image reference written in {@code from} at {@code line}. */
  Optional<AssetRef> image(String target, String fromFolder, String from, int line) {
    if (MarkdownRefs.isRemote(target)) {
      problems.warning(
          from, line, "remote image " + target + " is not fetched; editions link to it");
      return Optional.empty();
    }
    String clean = target.replaceAll("[?#].*$", "");
    Optional<String> resolved = RepoPaths.resolve(fromFolder, clean);
    if (resolved.isEmpty() || !RepoPaths.isInside(folder, resolved.get())) {
      problems.error(from, line, "image " + target + " leads outside the book folder");
      return Optional.empty();
    }
    String path = resolved.get();
    if (!files.exists(path)) {
      problems.error(from, line, "image " + target + " not found (looked for " + path + ")");
      return Optional.empty();
    }
    String ext = clean.substring(clean.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    String mediaType = clean.contains(".") ? MEDIA_TYPES.get(ext) : null;
    if (mediaType == null) {
      problems.error(
          from,
          line,
          "image " + target + " has an unsupported type; use png, jpg, gif, svg or webp");
      return Optional.empty();
    }
    return byPath
        .computeIfAbsent(path, p -> load(p, mediaType, from, line, target))
        .map(Asset::ref);
  }

  private Optional<Asset> load(
      String path, String mediaType, String from, int line, String target) {
    Optional<String> real = realPath(path);
    if (real.isEmpty()) {
      return Optional.empty();
    }
    long size = files.size(real.get());
    if (size > maxAssetBytes) {
      problems.error(
          from,
          line,
          "image " + target + " is " + size + " bytes; the limit is " + maxAssetBytes + " bytes");
      return Optional.empty();
    }
    String file = real.get();
    Optional<String> blob = files.blobId(file);
    boolean svg = mediaType.equals("image/svg+xml");
    // an SVG is sanitised at every commit, so its warnings show at every commit
    String known = svg ? null : blob.map(shaByBlob::peek).orElse(null);
    Asset asset;
    if (svg) {
      Optional<byte[]> clean =
          checks.sanitize(
              files.read(file).orElse(new byte[0]), RepoPaths.relativize(folder, path), from, line);
      if (clean.isEmpty()) {
        return Optional.empty();
      }
      String sha = Digests.sha256Hex(clean.get());
      asset =
          new Asset(new AssetRef(RepoPaths.relativize(folder, path), sha, mediaType), clean.get());
    } else if (known != null) {
      // hashed at an earlier commit: read again only if it is published
      AssetRef ref = new AssetRef(RepoPaths.relativize(folder, path), known, mediaType);
      asset = new Asset(ref, () -> files.read(file).orElse(new byte[0]));
    } else {
      byte[] bytes = files.read(file).orElse(new byte[0]);
      if (!checks.withinPixelLimits(bytes, mediaType, target, from, line)) {
        return Optional.empty(); // not cached: the error shows again at the next commit
      }
      String sha = Digests.sha256Hex(bytes);
      blob.ifPresent(b -> shaByBlob.putMissing(b, sha));
      asset = new Asset(new AssetRef(RepoPaths.relativize(folder, path), sha, mediaType), bytes);
    }
    String sha = asset.ref().sha256();
    bySha.putIfAbsent(sha, asset);
    return Optional.of(asset);
  }
}
