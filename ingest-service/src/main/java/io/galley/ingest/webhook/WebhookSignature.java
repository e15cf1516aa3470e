package io.galley.ingest.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks push webhook credentials in constant time: GitHub/Gitea's {@code X-Hub-Signature-256}
 * ({@code sha256=<hex HMAC-SHA256 of the raw body>}) and GitLab's {@code X-Gitlab-Token}.
 */
final class WebhookSignature {

  private final byte[] secret;

  WebhookSignature(String secret) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  /** Whether {@code header} is {@code sha256=} followed by the body's HMAC in hex. */
  boolean matchesHubSignature(byte[] body, String header) {
    if (header == null || !header.startsWith("sha256=")) {
      return false;
    }
    byte[] expected =
        ("sha256=" + HexFormat.of().formatHex(hmac(body))).getBytes(StandardCharsets.US_ASCII);
    byte[] given =
        header.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given);
  }

  /** Whether a GitLab token equals the secret. */
  boolean matchesToken(String token) {
    return token != null && MessageDigest.isEqual(secret, token.getBytes(StandardCharsets.UTF_8));
  }

  /** The HMAC-SHA256 of a body under the secret. */
  byte[] hmac(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }
}
