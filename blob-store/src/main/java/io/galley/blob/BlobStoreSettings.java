package io.galley.blob;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which blob store a service uses, read from the {@code galley.blob.*} properties shared by every
 * service: a directory (the default) or S3-compatible storage behind a bounded local cache.
 *
 * @param type {@code directory} or {@code s3}
 * @param directory the directory store's folder (type directory)
 * @param s3 where the bucket is (type s3), else null
 * @param cacheDirectory the local cache's folder (type s3)
 * @param cacheMaxBytes the local cache's bound in bytes (type s3), positive
 * @param presignDownloads whether downloads may be answered with a presigned URL
 */
public record BlobStoreSettings(
    String type,
    Path directory,
    S3BlobStoreSettings s3,
    Path cacheDirectory,
    long cacheMaxBytes,
    boolean presignDownloads) {

  /** The property prefix. */
  public static final String PREFIX = "galley.blob.";

  /** The directory store's default folder. */
  public static final Path DEFAULT_DIRECTORY =
      Path.of(System.getProperty("java.io.tmpdir"), "galley-blobs");

  /** The cache's default bound: 512 MB. */
  public static final long DEFAULT_CACHE_MAX_BYTES = 512L * 1024 * 1024;

  private static final Pattern SIZE =
      Pattern.compile("(\\d+)\\s*(B|KB|MB|GB|TB)?", Pattern.CASE_INSENSITIVE);

  public BlobStoreSettings {
    if (!"directory".equals(type) && !"s3".equals(type)) {
      throw new IllegalArgumentException(
          PREFIX + "type must be 'directory' or 's3', got '" + type + "'");
    }
    if ("s3".equals(type) && s3 == null) {
      throw new IllegalArgumentException(PREFIX + "s3.* must be set when the type is s3");
    }
    if (cacheMaxBytes < 1) {
      throw new IllegalArgumentException(
          PREFIX + "cache.max-bytes must be positive, got " + cacheMaxBytes);
    }
  }

  /**
   * Reads the settings from {@code property} (full property names, such as {@code
   * galley.blob.type}; null when unset).
   *
   * @param defaultCacheDirectory the cache folder when none is set (under the service's state)
   * @throws IllegalArgumentException naming the property whose value is wrong
   */
  public static BlobStoreSettings from(UnaryOperator<String> property, Path defaultCacheDirectory) {
    String type = text(property, "type");
    type = type == null ? "directory" : type.toLowerCase(Locale.ROOT);
    String directory = text(property, "directory");
    String cacheDirectory = text(property, "cache.directory");
    S3BlobStoreSettings s3 = "s3".equals(type) ? s3(property, defaultCacheDirectory) : null;
    return new BlobStoreSettings(
        type,
        directory == null ? DEFAULT_DIRECTORY : Path.of(directory),
        s3,
        cacheDirectory == null ? defaultCacheDirectory : Path.of(cacheDirectory),
        size(property, "cache.max-bytes", DEFAULT_CACHE_MAX_BYTES),
        bool(property, "presign-downloads"));
  }

  private static S3BlobStoreSettings s3(UnaryOperator<String> property, Path cacheDirectory) {
    String endpoint = text(property, "s3.endpoint");
    String keyId = text(property, "s3.access-key-id");
    String secret = text(property, "s3.secret-access-key");
    String bucket = text(property, "s3.bucket");
    try {
      return new S3BlobStoreSettings(
          endpoint == null ? null : new URI(endpoint),
          text(property, "s3.region"),
          bucket == null ? "galley" : bucket,
          keyId,
          secret,
          bool(property, "s3.path-style-access"),
          text(property, "s3.key-prefix"),
          cacheDirectory.resolveSibling(cacheDirectory.getFileName() + "-staging"));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          PREFIX + "s3.endpoint is not a URL: '" + endpoint + "'", e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(PREFIX + "s3.*: " + e.getMessage(), e);
    }
  }

  /**
   * Opens the store: a {@link DirectoryBlobStore}, or an {@link S3BlobStore} behind a {@link
   * CachingBlobStore}.
   *
   * @throws IOException if a folder cannot be created
   */
  public BlobStore open() throws IOException {
    if ("directory".equals(type)) {
      return new DirectoryBlobStore(directory);
    }
    return new CachingBlobStore(S3BlobStore.create(s3), cacheDirectory, cacheMaxBytes);
  }

  /** What the store is, for the start-up log (no secret). */
  public String describe() {
    return "directory".equals(type)
        ? "directory " + directory.toAbsolutePath()
        : s3 + " with a cache of " + cacheMaxBytes + " bytes in " + cacheDirectory;
  }

  private static String text(UnaryOperator<String> property, String name) {
    String value = property.apply(PREFIX + name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static boolean bool(UnaryOperator<String> property, String name) {
    String value = text(property, name);
    if (value == null) {
      return false;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(
              PREFIX + name + " must be true or false, got '" + value + "'");
    };
  }

  private static long size(UnaryOperator<String> property, String name, long fallback) {
    String value = text(property, name);
    if (value == null) {
      return fallback;
    }
    Matcher m = SIZE.matcher(value);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          PREFIX + name + " must be a size such as 536870912 or 512MB, got '" + value + "'");
    }
    int shift =
        switch (m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT)) {
          case "KB" -> 10;
          case "MB" -> 20;
          case "GB" -> 30;
          case "TB" -> 40;
          default -> 0;
        };
    try {
      return Math.multiplyExact(Long.parseLong(m.group(1)), 1L << shift);
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException(PREFIX + name + " is too large: '" + value + "'", e);
    }
  }
}
