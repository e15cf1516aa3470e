package io.galley.export.edition;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The dimensions of a raster image read from its header, without decoding the pixels: PNG, JPEG and
 * GIF through ImageIO's readers, WebP from its RIFF chunk header.
 */
final class ImageHeaders {

  /** Width and height in pixels. */
  record Size(long width, long height) {
    long pixels() {
      return width * height;
    }
  }

  private ImageHeaders() {}

  /** The size, or empty when the bytes are no image this reader knows. */
  static Optional<Size> size(byte[] bytes) {
    if (isWebp(bytes)) {
      return webp(bytes);
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return Optional.empty();
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return Optional.of(new Size(reader.getWidth(0), reader.getHeight(0)));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static boolean isWebp(byte[] b) {
    return b.length >= 30
        && b[0] == 'R'
        && b[1] == 'I'
        && b[2] == 'F'
        && b[3] == 'F'
        && b[8] == 'W'
        && b[9] == 'E'
        && b[10] == 'B'
        && b[11] == 'P';
  }

  /** The three WebP encodings keep the canvas size at fixed places of the first chunk. */
  private static Optional<Size> webp(byte[] b) {
    String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
    return switch (chunk) {
      case "VP8X" -> Optional.of(new Size(1 + u24(b, 24), 1 + u24(b, 27)));
      case "VP8L" -> {
        long bits = u8(b, 21) | u8(b, 22) << 8 | u8(b, 23) << 16 | u8(b, 24) << 24;
        yield Optional.of(new Size(1 + (bits & 0x3FFF), 1 + (bits >> 14 & 0x3FFF)));
      }
      case "VP8 " -> Optional.of(new Size(u16(b, 26) & 0x3FFF, u16(b, 28) & 0x3FFF));
      default -> Optional.empty();
    };
  }

  private static long u8(byte[] b, int i) {
    return b[i] & 0xFFL;
  }

  private static long u16(byte[] b, int i) {
    return u8(b, i) | u8(b, i + 1) << 8;
  }

  private static long u24(byte[] b, int i) {
    return u16(b, i) | u8(b, i + 2) << 16;
  }
}
