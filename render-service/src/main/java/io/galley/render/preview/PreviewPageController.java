package io.galley.render.preview;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /preview}: a page where Markdown typed on the left is rendered live on the right. */
@RestController
class PreviewPageController {

  private final String page;

  PreviewPageController() throws IOException {
    try (InputStream in = PreviewPageController.class.getResourceAsStream("preview.html")) {
      this.page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @GetMapping("/preview")
  ResponseEntity<String> page() {
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(page);
  }
}
