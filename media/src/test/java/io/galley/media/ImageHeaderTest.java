package io.galley.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** Sizes read from headers alone: a bomb's header is read, its pixels never are. */
class ImageHeaderTest {

  @Test
  void readsTheSizeOfAPngBombFromItsHeaderWithoutDecodingIt() throws IOException {
    assertThat(ImageHeader.read(pngHeader(100_000, 80_000)))
        .hasValue(new ImageHeader(100_000, 80_000));
    assertThat(ImageHeader.read(pngHeader(40, 30))).hasValue(new ImageHeader(40, 30));
    assertThat(ImageHeader.read("not an image".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void readsTheCanvasOfAWebpFromItsChunkHeader() {
    byte[] webp = new byte[40];
    System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, webp, 0, 4);
    System.arraycopy("WEBPVP8X".getBytes(StandardCharsets.US_ASCII), 0, webp, 8, 8);
    webp[24] = (byte) 0x0F; // width - 1 = 9999 = 0x00270F, little endian 24 bits
    webp[25] = (byte) 0x27;
    webp[27] = (byte) 0x3F; // height - 1 = 4671 = 0x00123F
    webp[28] = (byte) 0x12;
    assertThat(ImageHeader.read(webp)).hasValue(new ImageHeader(10_000, 4_672));
  }

  static byte[] pngHeader(int width, int height) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
    DataOutputStream chunk = new DataOutputStream(ihdr);
    chunk.writeBytes("IHDR");
    chunk.writeInt(width);
    chunk.writeInt(height);
    chunk.write(new byte[] {8, 6, 0, 0, 0});
    CRC32 crc = new CRC32();
    crc.update(ihdr.toByteArray());
    out.writeInt(13);
    out.write(ihdr.toByteArray());
    out.writeInt((int) crc.getValue());
    return bytes.toByteArray();
  }
}
