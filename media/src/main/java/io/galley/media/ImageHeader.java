package io.galley.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * An image's width and height read from its header only, never by decoding its pixels, so a
 * decompression bomb (a small file that decodes to gigabytes) is caught before anything decodes it:
 * PNG, JPEG and GIF through the JDK's ImageIO readers, WebP from its RIFF header.
 *
 * @param width pixels across
 * @param height pixels down
 */
public record ImageHeader(int width, int height) {

  /** The pixel count. */
  public long pixels() {
    return (long) width * height;
  }

  /** Reads the header of {@code bytes}; empty when it is not a readable image of these types. */
  public static Optional<ImageHeader> read(byte[] bytes) {
    if (isWebp(bytes)) {
      return webp(bytes);
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        return Optional.empty();
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return Optional.of(new ImageHeader(reader.getWidth(0), reader.getHeight(0)));
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

  /** The three WebP encodings keep their size at fixed places (RFC 9649). */
  private static Optional<ImageHeader> webp(byte[] b) {
    String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
    switch (chunk) {
      case "VP8 " -> {
        return Optional.of(new ImageHeader(u16(b, 26) & 0x3fff, u16(b, 28) & 0x3fff));
      }
      case "VP8L" -> {
        if (b[20] != 0x2f) {
          return Optional.empty();
        }
        int bits = u16(b, 21) | u16(b, 23) << 16;
        return Optional.of(new ImageHeader(1 + (bits & 0x3fff), 1 + (bits >>> 14 & 0x3fff)));
      }
      case "VP8X" -> {
        return Optional.of(new ImageHeader(1 + u24(b, 24), 1 + u24(b, 27)));
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
  }

  private static int u24(byte[] b, int at) {
    return u16(b, at) | (b[at + 2] & 0xff) << 16;
  }
}
