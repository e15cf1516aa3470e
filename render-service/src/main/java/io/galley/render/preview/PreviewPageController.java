package io.galley.render.preview;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /preview}: a page where Markdown typed on the left is rendered live on the right. Its
 * Content-Security-Policy allows its own inline script and style (by hash) and nothing else inline,
 * so a fragment that slipped past the sanitiser could still not run a script.
 */
@RestController
class PreviewPageController {

  private static final Pattern INLINE = Pattern.compile("(?s)<(script|style)>(.*?)</\\1>");

  private final String page;
  private final String policy;

  PreviewPageController() throws IOException {
    try (InputStream in = PreviewPageController.class.getResourceAsStream("preview.html")) {
      this.page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    StringBuilder scripts = new StringBuilder();
    StringBuilder styles = new StringBuilder();
    Matcher m = INLINE.matcher(page);
    while (m.find()) {
      StringBuilder target = m.group(1).equals("script") ? scripts : styles;
      target.append(" '").append(hash(m.group(2))).append('\'');
    }
    this.policy =
        "default-src 'none'; script-src"
            + scripts
            + "; style-src"
            + styles
            + "; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none';"
            + " frame-ancestors 'none'";
  }

  private static String hash(String inline) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(inline.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  @GetMapping("/preview")
  ResponseEntity<String> page() {
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header("Content-Security-Policy", policy)
        .header("X-Content-Type-Options", "nosniff")
        .body(page);
  }
}
