package io.galley.ingest.dlt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The admin bearer token, compared in constant time (both sides hashed to equal length first). */
final class AdminToken {

  private final byte[] expected;

  AdminToken(String token) {
    this.expected = token == null ? null : sha256(token);
  }

  /** Whether admin routes are enabled at all. */
  boolean configured() {
    return expected != null;
  }

  /** Whether an {@code Authorization} header carries the token as {@code Bearer <token>}. */
  boolean matches(String authorization) {
    if (expected == null
        || authorization == null
        || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return MessageDigest.isEqual(expected, sha256(authorization.substring(7).strip()));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
