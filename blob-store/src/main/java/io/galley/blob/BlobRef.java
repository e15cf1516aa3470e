package io.galley.blob;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A reference to a stored blob: what an event carries instead of the bytes.
 *
 * @param sha256 lowercase hex SHA-256 of the content (64 characters); the blob's address
 * @param size content length in bytes, never negative
 * @param mediaType the content's media type, such as {@code application/pdf}; kept in a canonical
 *     form (type and subtype lowercased, no blanks around {@code ;}), as S3-compatible servers
 *     store it, so a reference compares equal to what the store reports
 * @throws IllegalArgumentException if a component is malformed (the bad value is named)
 */
public record BlobRef(String sha256, long size, String mediaType) {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  // type/subtype with optional parameters: loose on purpose, strict enough to keep out blanks and
  // header injection
  private static final Pattern MEDIA_TYPE =
      Pattern.compile(
          "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*( *;[ -~]*)?");

  private static final Pattern BLANKS_AROUND_SEMICOLON = Pattern.compile("\\s*;\\s*");

  /** The media type given to content whose type nobody recorded. */
  public static final String OCTET_STREAM = "application/octet-stream";

  public BlobRef {
    requireSha256(sha256);
    if (size < 0) {
      throw new IllegalArgumentException("blob size must not be negative: " + size);
    }
    mediaType = canonicalMediaType(mediaType);
  }

  /** The media type with type and subtype lowercased and no blanks around {@code ;}. */
  static String canonicalMediaType(String mediaType) {
    requireMediaType(mediaType);
    int semicolon = mediaType.indexOf(';');
    String type = semicolon < 0 ? mediaType : mediaType.substring(0, semicolon);
    String parameters = semicolon < 0 ? "" : mediaType.substring(semicolon);
    return type.strip().toLowerCase(Locale.ROOT)
        + BLANKS_AROUND_SEMICOLON.matcher(parameters).replaceAll(";").stripTrailing();
  }

  /**
   * Checks that the text is a lowercase hex SHA-256, so that it can safely become a file name or an
   * object key.
   *
   * @return the same text
   * @throws IllegalArgumentException if it is not
   */
  public static String requireSha256(String sha256) {
    if (sha256 == null || !SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException(
          "not a lowercase hex SHA-256 (64 characters): '" + sha256 + "'");
    }
    return sha256;
  }

  /**
   * Checks that the text looks like a media type ({@code type/subtype[;parameters]}).
   *
   * @return the same text
   * @throws IllegalArgumentException if it does not
   */
  public static String requireMediaType(String mediaType) {
    if (mediaType == null || !MEDIA_TYPE.matcher(mediaType).matches()) {
      throw new IllegalArgumentException("not a media type: '" + mediaType + "'");
    }
    return mediaType;
  }
}
