package io.galley.blob;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The shared blob store: S3-compatible object storage through the AWS SDK for Java v2. Blob {@code
 * abcd…} is the object {@code <keyPrefix>ab/cd/abcd…} with its media type as Content-Type. A stream
 * is first hashed into a temp file in the staging directory (a file is hashed in place), then
 * uploaded in one PUT of known length with its Content-MD5, so the server refuses bytes that
 * changed on the way; a PUT is atomic and durable when it returns, so readers never see part of an
 * object. Objects up to 5 GB (S3's limit for one PUT).
 */
public final class S3BlobStore implements BlobStore {

  private final S3BlobStoreSettings settings;
  private final S3Client client;
  private final S3Presigner presigner;

  private S3BlobStore(S3BlobStoreSettings settings, S3Client client, S3Presigner presigner) {
    this.settings = settings;
    this.client = client;
    this.presigner = presigner;
  }

  /** A store that reaches the bucket with these settings; {@link #close()} releases it. */
  public static S3BlobStore create(S3BlobStoreSettings settings) {
    S3Connection connection = S3Connection.open(settings);
    return new S3BlobStore(settings, connection.client(), connection.presigner());
  }

  @Override
  public BlobRef put(InputStream content, String mediaType) throws IOException {
    BlobRef.requireMediaType(mediaType);
    Files.createDirectories(settings.stagingDirectory());
    try (StagedBlob staged = StagedBlob.write(content, settings.stagingDirectory(), true)) {
      return publish(staged, mediaType);
    }
  }

  @Override
  public BlobRef put(Path file, String mediaType) throws IOException {
    BlobRef.requireMediaType(mediaType);
    try (StagedBlob staged = StagedBlob.hashInPlace(file)) {
      return publish(staged, mediaType);
    }
  }

  /** Uploads staged content under its digest, unless an object with that digest is stored. */
  BlobRef publish(StagedBlob staged, String requestedMediaType) throws IOException {
    String mediaType = BlobRef.canonicalMediaType(requestedMediaType);
    Optional<BlobRef> existing = stat(staged.sha256());
    if (existing.isPresent()) {
      return existing.get();
    }
    PutObjectRequest request =
        PutObjectRequest.builder()
            .bucket(settings.bucket())
            .key(key(staged.sha256()))
            .contentType(mediaType)
            .contentLength(staged.size())
            .contentMD5(Base64.getEncoder().encodeToString(staged.md5()))
            .build();
    try {
      client.putObject(request, RequestBody.fromFile(staged.file()));
    } catch (S3Exception e) {
      String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
      if ("BadDigest".equals(code) || "InvalidDigest".equals(code)) {
        throw new BlobIntegrityException(
            "S3 refused blob " + staged.sha256() + ": the bytes sent do not match their digest");
      }
      throw failure("PUT", staged.sha256(), e);
    } catch (SdkException e) {
      throw failure("PUT", staged.sha256(), e);
    }
    return new BlobRef(staged.sha256(), staged.size(), mediaType);
  }

  @Override
  public InputStream open(String sha256) throws IOException {
    return get(sha256, GetObjectRequest.builder().bucket(settings.bucket()).key(key(sha256)));
  }

  @Override
  public InputStream open(String sha256, ByteRange range) throws IOException {
    if (range.length() == 0) {
      // "bytes=n-(n-1)" is no range at all: answer empty, but only for a blob that exists
      if (!exists(sha256)) {
        throw new BlobNotFoundException(sha256);
      }
      return new ByteArrayInputStream(new byte[0]);
    }
    String header = "bytes=" + range.offset() + "-" + (range.end() - 1);
    return get(
        sha256,
        GetObjectRequest.builder().bucket(settings.bucket()).key(key(sha256)).range(header));
  }

  private InputStream get(String sha256, GetObjectRequest.Builder request) throws IOException {
    try {
      return client.getObject(request.build());
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        throw new BlobNotFoundException(sha256);
      }
      if (e.statusCode() == 416) {
        return new ByteArrayInputStream(new byte[0]); // the range starts past the end
      }
      throw failure("GET", sha256, e);
    } catch (SdkException e) {
      throw failure("GET", sha256, e);
    }
  }

  @Override
  public Optional<BlobRef> stat(String sha256) throws IOException {
    try {
      HeadObjectResponse head =
          client.headObject(b -> b.bucket(settings.bucket()).key(key(sha256)));
      String type = head.contentType() == null ? BlobRef.OCTET_STREAM : head.contentType();
      return Optional.of(new BlobRef(sha256, head.contentLength(), type));
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw failure("HEAD", sha256, e);
    } catch (SdkException e) {
      throw failure("HEAD", sha256, e);
    }
  }

  @Override
  public boolean delete(String sha256) throws IOException {
    // S3's DELETE answers 204 either way: ask first, to tell the caller
    boolean existed = exists(sha256);
    try {
      client.deleteObject(b -> b.bucket(settings.bucket()).key(key(sha256)));
    } catch (SdkException e) {
      throw failure("DELETE", sha256, e);
    }
    return existed;
  }

  @Override
  public Optional<URI> presignedGetUrl(String sha256, Duration validity) {
    String key = key(sha256);
    try {
      return Optional.of(
          presigner
              .presignGetObject(
                  p ->
                      p.signatureDuration(validity)
                          .getObjectRequest(g -> g.bucket(settings.bucket()).key(key)))
              .url()
              .toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("the SDK signed a URL that is not a URI", e);
    }
  }

  /** The object key of a blob: {@code <keyPrefix>ab/cd/<sha256>}. */
  String key(String sha256) {
    return settings.keyPrefix() + BlobFiles.key(sha256);
  }

  private IOException failure(String operation, String sha256, SdkException e) {
    return new IOException(
        "S3 " + operation + " of blob " + sha256 + " in " + settings.bucket() + " failed", e);
  }

  @Override
  public void close() {
    presigner.close();
    client.close();
  }

  @Override
  public String toString() {
    return "S3BlobStore[" + settings + "]";
  }
}
