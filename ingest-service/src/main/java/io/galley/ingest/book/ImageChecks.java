package io.galley.ingest.book;

import io.galley.ingest.validation.Problems;
import io.galley.media.ImageHeader;
import java.util.Optional;

/**
 * The checks an image gets before it is hashed: a raster image's size from its header against the
 * pixel limits, an SVG sanitised. Problems point at the chapter line that uses the image.
 */
final class ImageChecks {

  private static final SvgSanitizer SVG = new SvgSanitizer();

  private final AssetResolver.Limits limits;
  private final String folder;
  private final Problems problems;

  ImageChecks(AssetResolver.Limits limits, String folder, Problems problems) {
    this.limits = limits;
    this.folder = folder;
    this.problems = problems;
  }

  /** Checks an image's header against the pixel limits, before anything decodes it. */
  boolean withinPixelLimits(byte[] bytes, String mediaType, String target, String from, int line) {
    Optional<ImageHeader> header = ImageHeader.read(bytes);
    if (header.isEmpty()) {
      problems.error(
          from,
          line,
          "image "
              + target
              + " is not a readable "
              + mediaType.substring("image/".length())
              + " (its header could not be read); export it again from an image editor");
      return false;
    }
    ImageHeader h = header.get();
    if (h.width() > limits.maxSide()
        || h.height() > limits.maxSide()
        || h.pixels() > limits.maxPixels()) {
      problems.error(
          from,
          line,
          "image "
              + target
              + " is "
              + h.width()
              + " x "
              + h.height()
              + " pixels; the limits are "
              + limits.maxSide()
              + " pixels a side and "
              + limits.maxPixels()
              + " pixels in all: scale it down");
      return false;
    }
    return true;
  }

  /** The SVG's sanitised bytes, with a warning naming what was removed; empty on an error. */
  Optional<byte[]> sanitize(byte[] bytes, String svgPath, String from, int line) {
    SvgSanitizer.Result r = SVG.sanitize(bytes);
    String path = RepoPaths.join(folder, svgPath);
    if (r.error() != null) {
      problems.error(
          path,
          r.errorLine(),
          "SVG image is not usable (used by "
              + from
              + (line > 0 ? ":" + line : "")
              + "): "
              + r.error()
              + "; save it as plain SVG without a DOCTYPE or entities");
      return Optional.empty();
    }
    if (!r.removed().isEmpty()) {
      problems.warning(
          path,
          0,
          "removed from the SVG image, which editions never run or fetch: "
              + String.join(", ", r.removed()));
    }
    return Optional.of(r.bytes());
  }
}
