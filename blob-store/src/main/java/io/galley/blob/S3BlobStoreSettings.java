package io.galley.blob;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where and how {@link S3BlobStore} reaches S3-compatible object storage (AWS S3, MinIO, Ceph RGW).
 *
 * @param endpoint the service's URL, such as {@code http://127.0.0.1:9000} for MinIO; null for
 *     AWS's own endpoint of the region
 * @param region the signing region; AWS's region, or any name (usually {@code us-east-1}) for MinIO
 *     and Ceph. Default {@code us-east-1}
 * @param bucket the bucket, which must exist
 * @param accessKeyId static access key; null (with a null secret) for the SDK's default chain
 *     (environment, system properties, profile, container or instance role)
 * @param secretAccessKey the static key's secret; never printed
 * @param pathStyleAccess {@code http://host/bucket/key} instead of {@code http://bucket.host/key};
 *     needed by MinIO and Ceph RGW without wildcard DNS
 * @param keyPrefix prepended to every key, empty or ending in {@code /}, so that several stores may
 *     share a bucket. Default empty
 * @param stagingDirectory local directory where a stream is hashed before its upload. Default the
 *     JVM's temp directory
 * @throws IllegalArgumentException if a value is malformed (it is named, the secret is not)
 */
public record S3BlobStoreSettings(
    URI endpoint,
    String region,
    String bucket,
    String accessKeyId,
    String secretAccessKey,
    boolean pathStyleAccess,
    String keyPrefix,
    Path stagingDirectory) {

  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  public S3BlobStoreSettings {
    if (endpoint != null
        && (!endpoint.isAbsolute()
            || endpoint.getHost() == null
            || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme())))) {
      throw new IllegalArgumentException("S3 endpoint must be an http(s) URL: " + endpoint);
    }
    region = region == null || region.isBlank() ? "us-east-1" : region;
    if (bucket == null || !BUCKET.matcher(bucket).matches()) {
      throw new IllegalArgumentException("not an S3 bucket name: '" + bucket + "'");
    }
    if ((accessKeyId == null) != (secretAccessKey == null)) {
      throw new IllegalArgumentException(
          "give both the S3 access key id and its secret, or neither (default credentials chain)");
    }
    keyPrefix = keyPrefix == null ? "" : keyPrefix;
    if (!keyPrefix.isEmpty() && (!keyPrefix.endsWith("/") || keyPrefix.startsWith("/"))) {
      throw new IllegalArgumentException(
          "S3 key prefix must be empty or end, not start, with '/': '" + keyPrefix + "'");
    }
    stagingDirectory =
        stagingDirectory == null ? Path.of(System.getProperty("java.io.tmpdir")) : stagingDirectory;
  }

  /** Settings for a bucket on AWS with the default credentials chain and every other default. */
  public static S3BlobStoreSettings forBucket(String bucket) {
    return new S3BlobStoreSettings(null, null, bucket, null, null, false, null, null);
  }

  /** The same settings with another endpoint (null for AWS). */
  public S3BlobStoreSettings withEndpoint(URI newEndpoint) {
    return new S3BlobStoreSettings(
        newEndpoint,
        region,
        bucket,
        accessKeyId,
        secretAccessKey,
        pathStyleAccess,
        keyPrefix,
        stagingDirectory);
  }

  /** The same settings with a static access key. */
  public S3BlobStoreSettings withCredentials(String newAccessKeyId, String newSecretAccessKey) {
    return new S3BlobStoreSettings(
        endpoint,
        region,
        bucket,
        newAccessKeyId,
        newSecretAccessKey,
        pathStyleAccess,
        keyPrefix,
        stagingDirectory);
  }

  /** The same settings with path-style access switched on or off. */
  public S3BlobStoreSettings withPathStyleAccess(boolean newPathStyleAccess) {
    return new S3BlobStoreSettings(
        endpoint,
        region,
        bucket,
        accessKeyId,
        secretAccessKey,
        newPathStyleAccess,
        keyPrefix,
        stagingDirectory);
  }

  /** The same settings with another key prefix. */
  public S3BlobStoreSettings withKeyPrefix(String newKeyPrefix) {
    return new S3BlobStoreSettings(
        endpoint,
        region,
        bucket,
        accessKeyId,
        secretAccessKey,
        pathStyleAccess,
        newKeyPrefix,
        stagingDirectory);
  }

  /** The same settings with another staging directory. */
  public S3BlobStoreSettings withStagingDirectory(Path newStagingDirectory) {
    return new S3BlobStoreSettings(
        endpoint,
        region,
        bucket,
        accessKeyId,
        secretAccessKey,
        pathStyleAccess,
        keyPrefix,
        newStagingDirectory);
  }

  /** The endpoint, if one overrides AWS's. */
  public Optional<URI> endpointOverride() {
    return Optional.ofNullable(endpoint);
  }

  @Override
  public String toString() {
    return "S3BlobStoreSettings[endpoint="
        + (endpoint == null ? "AWS" : endpoint)
        + ", region="
        + region
        + ", bucket="
        + bucket
        + ", credentials="
        + (accessKeyId == null ? "default chain" : "static " + accessKeyId + "/****")
        + ", pathStyleAccess="
        + pathStyleAccess
        + ", keyPrefix='"
        + keyPrefix
        + "', stagingDirectory="
        + stagingDirectory
        + "]";
  }
}
