package io.galley.render.preview;

import io.galley.render.RenderProperties;
import io.galley.render.markdown.MarkdownConverter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/preview}: Markdown in, the sanitised HTML fragment out. Each request costs a
 * bounded amount: the body is capped while it is read (413), at most {@code preview-concurrency}
 * previews run at once (503 beyond, with Retry-After) and each has a deadline (503 past it).
 */
@RestController
class PreviewController {

  /** The fragment is data for the preview page's script, never a page of its own. */
  static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

  private final MarkdownConverter converter;
  private final long maxBytes;
  private final Duration timeout;
  private final PreviewSlots slots;

  PreviewController(MarkdownConverter converter, RenderProperties properties, PreviewSlots slots) {
    this.converter = converter;
    this.maxBytes = properties.maxPreviewSize().toBytes();
    this.timeout = properties.previewTimeout();
    this.slots = slots;
  }

  @PostMapping(
      path = "/api/preview",
      consumes = {"text/markdown", MediaType.TEXT_PLAIN_VALUE},
      produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<?> preview(HttpServletRequest request) throws IOException, InterruptedException {
    long declared = request.getContentLengthLong();
    if (declared > maxBytes) {
      return tooLarge(declared);
    }
    // the slot is taken before the body is read, so that bodies held in memory are bounded too
    PreviewSlots.Slot slot = slots.tryTake();
    if (slot == null) {
      return unavailable(
          "Too many previews at once",
          "At most " + slots.capacity() + " previews run at once; try again in a second.");
    }
    Future<String> html;
    try {
      byte[] body;
      try (InputStream in = request.getInputStream()) {
        body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      }
      if (body.length > maxBytes) {
        slot.release();
        return tooLarge(-1);
      }
      String markdown = new String(body, StandardCharsets.UTF_8);
      html = slot.run(() -> converter.preview(markdown));
    } catch (IOException | RuntimeException e) {
      slot.release();
      throw e;
    }
    try {
      String fragment = html.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return ResponseEntity.ok()
          .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
          .header("Content-Security-Policy", API_CSP)
          .header("X-Content-Type-Options", "nosniff")
          .body(fragment);
    } catch (TimeoutException e) {
      html.cancel(true);
      return unavailable(
          "Preview took too long",
          "The preview did not finish within "
              + timeout.toMillis()
              + " ms (galley.render.preview-timeout).");
    } catch (ExecutionException e) {
      throw new IllegalStateException("preview failed", e.getCause());
    }
  }

  private ResponseEntity<ProblemDetail> tooLarge(long declared) {
    return problem(
        HttpStatus.CONTENT_TOO_LARGE,
        "Markdown too large to preview",
        "The Markdown to preview is "
            + (declared > 0 ? declared + " bytes" : "larger than the limit")
            + "; previews accept at most "
            + maxBytes
            + " bytes (galley.render.max-preview-size).");
  }

  private static ResponseEntity<ProblemDetail> unavailable(String title, String detail) {
    return problem(HttpStatus.SERVICE_UNAVAILABLE, title, detail);
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String title, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setTitle(title);
    ResponseEntity.BodyBuilder response =
        ResponseEntity.status(status)
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .header("Content-Security-Policy", API_CSP)
            .header("X-Content-Type-Options", "nosniff");
    if (status == HttpStatus.SERVICE_UNAVAILABLE) {
      response.header("Retry-After", "1");
    }
    return response.body(p);
  }
}
