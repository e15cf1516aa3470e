package io.galley.export.edition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SvgSanitiserTest {

  @Test
  void dropsScriptsHandlersForeignObjectsAndExternalReferences() {
    String hostile =
        """
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
             width="120" height="60" onload="alert(1)">
          <script>alert(2)</script>
          <foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject>
          <style>@import url(http://127.0.0.1:9/s.css);</style>
          <image href="http://127.0.0.1:9/a.png" width="5" height="5"/>
          <image xlink:href="file:///etc/passwd" width="5" height="5"/>
          <use href="#dot"/><circle id="dot" r="3" fill="url(#g)" onclick="alert(3)"/>
          <rect style="fill: url(http://127.0.0.1:9/f)" width="4" height="4"/>
          <a href="javascript:alert(4)"><text>t</text></a>
        </svg>
        """;
    SvgSanitiser.Svg svg =
        SvgSanitiser.sanitise(hostile.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    String out = new String(svg.bytes(), StandardCharsets.UTF_8);
    assertThat(out)
        .doesNotContain(
            "alert", "<script", "foreignObject", "@import", "127.0.0.1", "file:", "javascript:")
        .contains("<use href=\"#dot\"/>", "fill=\"url(#g)\"", "<circle", "<text>t</text>");
    assertThat(svg.width()).isEqualTo(120);
    assertThat(svg.height()).isEqualTo(60);
  }

  @Test
  void refusesADoctypeSoNoEntityIsEverExpanded() {
    String billionLaughs =
        """
        <?xml version="1.0"?>
        <!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
        <svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>
        """;
    String external =
        """
        <!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>
        """;
    assertThat(SvgSanitiser.sanitise(billionLaughs.getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(SvgSanitiser.sanitise(external.getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(SvgSanitiser.sanitise("<html/>".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void takesTheSizeFromTheViewBoxWhenWidthAndHeightAreMissing() {
    String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 90000 10\"><rect/></svg>";
    SvgSanitiser.Svg parsed = SvgSanitiser.sanitise(svg.getBytes(StandardCharsets.UTF_8)).get();
    assertThat(parsed.width()).isEqualTo(90_000);
    assertThat(parsed.height()).isEqualTo(10);
  }
}
