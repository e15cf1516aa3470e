package io.galley.render.preview;

import io.galley.render.RenderProperties;
import io.galley.render.markdown.MarkdownConverter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/preview}: Markdown in, the sanitised HTML fragment out. */
@RestController
class PreviewController {

  private final MarkdownConverter converter;
  private final long maxBytes;

  PreviewController(MarkdownConverter converter, RenderProperties properties) {
    this.converter = converter;
    this.maxBytes = properties.maxPreviewSize().toBytes();
  }

  @PostMapping(
      path = "/api/preview",
      consumes = {"text/markdown", MediaType.TEXT_PLAIN_VALUE},
      produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<?> preview(HttpServletRequest request) throws IOException {
    long declared = request.getContentLengthLong();
    byte[] body;
    if (declared > maxBytes) {
      return tooLarge(declared);
    }
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    }
    if (body.length > maxBytes) {
      return tooLarge(-1);
    }
    String html = converter.preview(new String(body, StandardCharsets.UTF_8));
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(html);
  }

  private ResponseEntity<ProblemDetail> tooLarge(long declared) {
    ProblemDetail p =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONTENT_TOO_LARGE,
            "The Markdown to preview is "
                + (declared > 0 ? declared + " bytes" : "larger than the limit")
                + "; previews accept at most "
                + maxBytes
                + " bytes (galley.render.max-preview-size).");
    p.setTitle("Markdown too large to preview");
    return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(p);
  }
}
