package io.galley.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BlobRefTest {

  private static final String SHA =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @Test
  void keepsMediaTypesInCanonicalForm() {
    assertThat(new BlobRef(SHA, 0, "Text/HTML ; charset=UTF-8").mediaType())
        .isEqualTo("text/html;charset=UTF-8");
    assertThat(new BlobRef(SHA, 0, "application/epub+zip").mediaType())
        .isEqualTo("application/epub+zip");
  }

  @Test
  void rejectsMalformedComponentsNamingThem() {
    assertThatThrownBy(() -> new BlobRef(SHA.toUpperCase(), 0, "image/png"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(SHA.toUpperCase());
    assertThatThrownBy(() -> new BlobRef(SHA.substring(1), 0, "image/png"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BlobRef(SHA, -1, "image/png"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> new BlobRef(SHA, 0, "png"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'png'");
    assertThatThrownBy(() -> new BlobRef(SHA, 0, "image/png\r\nX-Evil: 1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void byteRangesRejectNegativesAndOverflowAndReadLikeHttpRanges() {
    assertThat(ByteRange.inclusive(10, 19)).isEqualTo(new ByteRange(10, 10));
    assertThat(ByteRange.from(5).end()).isEqualTo(Long.MAX_VALUE);
    assertThatThrownBy(() -> new ByteRange(-1, 5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ByteRange(1, -5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ByteRange(10, Long.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ByteRange.inclusive(10, 9))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
