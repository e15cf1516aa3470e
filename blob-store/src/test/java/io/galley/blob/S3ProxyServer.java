package io.galley.blob;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3-compatible server in this JVM: S3Proxy over jclouds' filesystem backend, on a free
 * loopback port, checking AWS V2/V4 signatures.
 */
final class S3ProxyServer implements AutoCloseable {

  static final String ACCESS_KEY = "galley-test";
  static final String SECRET_KEY = "galley-test-secret";

  private final BlobStoreContext context;
  private final S3Proxy proxy;

  private S3ProxyServer(BlobStoreContext context, S3Proxy proxy) {
    this.context = context;
    this.proxy = proxy;
  }

  static S3ProxyServer start(Path dataDir) throws Exception {
    Properties properties = new Properties();
    properties.setProperty("jclouds.filesystem.basedir", dataDir.toString());
    BlobStoreContext context =
        ContextBuilder.newBuilder("filesystem")
            .credentials("identity", "credential")
            .overrides(properties)
            .build(BlobStoreContext.class);
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(context.getBlobStore())
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .build();
    proxy.start();
    await().atMost(Duration.ofSeconds(30)).until(() -> "STARTED".equals(proxy.getState()));
    return new S3ProxyServer(context, proxy);
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  void createBucket(String bucket) {
    context.getBlobStore().createContainerInLocation(null, bucket);
  }

  /** Whether the backend holds an object with exactly this key. */
  boolean hasObject(String bucket, String key) {
    return context.getBlobStore().blobExists(bucket, key);
  }

  /** Settings that reach this server's bucket with its static key and path-style access. */
  S3BlobStoreSettings settings(String bucket, String keyPrefix, Path stagingDir) {
    return S3BlobStoreSettings.forBucket(bucket)
        .withEndpoint(endpoint())
        .withCredentials(ACCESS_KEY, SECRET_KEY)
        .withPathStyleAccess(true)
        .withKeyPrefix(keyPrefix)
        .withStagingDirectory(stagingDir);
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
    context.close();
  }
}
