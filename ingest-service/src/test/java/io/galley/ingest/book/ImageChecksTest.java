package io.galley.ingest.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.Digests;
import io.galley.events.Problem;
import io.galley.ingest.validation.Problems;
import io.galley.testsupport.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Images are measured from their header before anything decodes them, and SVGs are sanitised before
 * they are hashed, so every edition gets the same clean bytes.
 */
class ImageChecksTest {

  private final BookLoader loader = new BookLoader(100_000, 1_000_000);

  private record Loaded(Book book, List<String> problems) {}

  private Loaded load(String image, byte[] bytes) {
    Problems problems = new Problems();
    BookFiles files =
        Files.of()
            .text("book.yml", "title: T\n")
            .text("ch.md", "# Ch\n\n![figure](img/" + image + ")\n")
            .bytes("img/" + image, bytes)
            .build();
    Book book = loader.load(files, "", "t", problems).orElse(null);
    return new Loaded(book, problems.all().stream().map(Problem::toString).toList());
  }

  /** A PNG signature and header chunk declaring a size, with no pixel data at all. */
  static byte[] pngHeader(int width, int height) {
    ByteBuffer b = ByteBuffer.allocate(8 + 25).order(ByteOrder.BIG_ENDIAN);
    b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    b.putInt(13).put("IHDR".getBytes(StandardCharsets.US_ASCII));
    b.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0);
    b.put((byte) 0);
    CRC32 crc = new CRC32();
    crc.update(b.array(), 12, 17);
    b.putInt((int) crc.getValue());
    return b.array();
  }

  /** A WebP (extended format) header declaring a size. */
  static byte[] webpHeader(int width, int height) {
    ByteBuffer b = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(22);
    b.put("WEBPVP8X".getBytes(StandardCharsets.US_ASCII)).putInt(10).putInt(0);
    int w = width - 1;
    int h = height - 1;
    b.put((byte) w).put((byte) (w >> 8)).put((byte) (w >> 16));
    b.put((byte) h).put((byte) (h >> 8)).put((byte) (h >> 16));
    return b.array();
  }

  @Test
  void rejectsAPngWhoseHeaderDeclaresTooManyPixels() {
    assertThat(load("bomb.png", pngHeader(12_000, 12_000)).problems())
        .containsExactly(
            "ch.md:3: image img/bomb.png is 12000 x 12000 pixels; the limits are 20000 pixels a"
                + " side and 100000000 pixels in all: scale it down");
  }

  @Test
  void rejectsAWebpWiderThanTheLimit() {
    assertThat(load("wide.webp", webpHeader(25_000, 2)).problems())
        .containsExactly(
            "ch.md:3: image img/wide.webp is 25000 x 2 pixels; the limits are 20000 pixels a"
                + " side and 100000000 pixels in all: scale it down");
  }

  @Test
  void acceptsOrdinaryImagesOfEveryRasterType() throws Exception {
    assertThat(load("a.png", TestImages.png(40, 30, java.awt.Color.RED)).problems()).isEmpty();
    assertThat(load("a.webp", webpHeader(640, 480)).problems()).isEmpty();
    for (String type : List.of("jpg", "gif")) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB), type, out);
      assertThat(load("a." + type, out.toByteArray()).problems()).as(type).isEmpty();
    }
  }

  @Test
  void rejectsAnImageWhoseHeaderCannotBeRead() {
    assertThat(load("broken.png", new byte[] {1, 2, 3}).problems())
        .containsExactly(
            "ch.md:3: image img/broken.png is not a readable png (its header could not be read);"
                + " export it again from an image editor");
  }

  @Test
  void removesScriptsHandlersAndExternalReferencesFromSvgsBeforeHashing() {
    String svg =
        """
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
             onload="alert(1)">
          <defs><linearGradient id="g"/></defs>
          <script>alert(2)</script>
          <rect id="r" fill="url(#g)" width="5" height="5" onclick="alert(3)"/>
          <a href="javascript:alert(4)"><text>x</text></a>
          <image xlink:href="http://127.0.0.1:9/track.png"/>
          <use href="#r"/>
          <rect style="fill: url(http://127.0.0.1:9/t)"/>
          <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>
        </svg>
        """;
    Loaded l = load("x.svg", svg.getBytes(StandardCharsets.UTF_8));
    assertThat(l.problems())
        .containsExactly(
            "img/x.svg: warning: removed from the SVG image, which editions never run or fetch:"
                + " <foreignObject>, <script>, href attribute, onclick attribute, onload"
                + " attribute, style attribute, xlink:href attribute");
    Asset asset = l.book().assets().values().iterator().next();
    String clean = new String(asset.bytes(), StandardCharsets.UTF_8);
    assertThat(clean)
        .doesNotContain("alert", "127.0.0.1", "foreignObject", "script")
        .contains("fill=\"url(#g)\"", "href=\"#r\"");
    assertThat(asset.ref().sha256()).isEqualTo(Digests.sha256Hex(asset.bytes()));
  }

  @Test
  void keepsTheBytesOfACleanSvg() {
    byte[] svg =
        "<svg xmlns='http://www.w3.org/2000/svg'><rect fill='url(\"#a\")'/></svg>"
            .getBytes(StandardCharsets.UTF_8);
    Loaded l = load("c.svg", svg);
    assertThat(l.problems()).isEmpty();
    assertThat(l.book().assets().values().iterator().next().ref().sha256())
        .isEqualTo(Digests.sha256Hex(svg));
  }

  @Test
  void rejectsSvgsWithEntitiesOrMalformedXmlAtTheirLine() {
    String entities =
        """
        <?xml version="1.0"?>
        <!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">]>
        <svg xmlns="http://www.w3.org/2000/svg"><text>&a;</text></svg>
        """;
    assertThat(load("e.svg", entities.getBytes(StandardCharsets.UTF_8)).problems())
        .singleElement()
        .asString()
        .startsWith("img/e.svg:2: SVG image is not usable (used by ch.md:3): ")
        .contains("DOCTYPE")
        .endsWith("; save it as plain SVG without a DOCTYPE or entities");
    assertThat(load("m.svg", "<svg>\n<g>\n</svg>".getBytes(StandardCharsets.UTF_8)).problems())
        .singleElement()
        .asString()
        .startsWith("img/m.svg:3: SVG image is not usable (used by ch.md:3): ");
  }

  @Test
  void leavesTheSampleGuidesDiagramsAsTheyAre() throws Exception {
    SvgSanitizer sanitizer = new SvgSanitizer();
    try (var svgs = java.nio.file.Files.list(java.nio.file.Path.of("../guide/images"))) {
      List<java.nio.file.Path> all =
          svgs.filter(p -> p.toString().endsWith(".svg")).sorted().toList();
      assertThat(all).isNotEmpty();
      for (java.nio.file.Path p : all) {
        byte[] bytes = java.nio.file.Files.readAllBytes(p);
        SvgSanitizer.Result r = sanitizer.sanitize(bytes);
        assertThat(r.error()).as(p.toString()).isNull();
        assertThat(r.removed()).as(p.toString()).isEmpty();
        assertThat(r.bytes()).as(p.toString()).isEqualTo(bytes);
      }
    }
  }
}
