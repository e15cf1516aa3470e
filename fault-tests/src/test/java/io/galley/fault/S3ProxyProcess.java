package io.galley.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An S3-compatible server as a process: S3Proxy ({@code org.gaul.s3proxy.Main}) over jclouds'
 * filesystem backend on a free loopback port, checking AWS V2/V4 signatures, path-style. The bucket
 * is a folder of the backend, created before the server starts.
 */
final class S3ProxyProcess implements AutoCloseable {

  static final String BUCKET = "galley";
  static final String ACCESS_KEY = "galley-cluster";
  static final String SECRET_KEY = "galley-cluster-secret";

  private final int port;
  private final ManagedProcess process;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  S3ProxyProcess(Path lib, Path work) throws IOException {
    port = ClusterStack.freePort();
    Path dir = Files.createDirectories(work.resolve("s3proxy"));
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.createDirectories(data.resolve(BUCKET));
    Path properties = dir.resolve("s3proxy.properties");
    Files.writeString(
        properties,
        String.join(
            "\n",
            "s3proxy.endpoint=http://127.0.0.1:" + port,
            "s3proxy.authorization=aws-v2-or-v4",
            "s3proxy.identity=" + ACCESS_KEY,
            "s3proxy.credential=" + SECRET_KEY,
            "jclouds.provider=filesystem",
            "jclouds.filesystem.basedir=" + data,
            ""));
    // S3Proxy logs through logback at DEBUG by default: one line per HTTP parser step
    Path logback = dir.resolve("logback.xml");
    Files.writeString(
        logback,
        """
        <configuration>
          <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
            <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [s3proxy] %logger{20} - %msg%n</pattern></encoder>
          </appender>
          <root level="WARN"><appender-ref ref="out"/></root>
        </configuration>
        """);
    process =
        new ManagedProcess(
            "s3proxy",
            List.of(
                PipelineStack.java(),
                "-Xmx192m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dlogback.configurationFile=" + logback,
                "-cp",
                lib + "/*",
                "org.gaul.s3proxy.Main",
                "--properties",
                properties.toString()),
            Files.createDirectories(work.resolve("logs")).resolve("s3proxy.log"));
  }

  void start() {
    process.start();
  }

  ManagedProcess process() {
    return process;
  }

  String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /** Whether the server answers HTTP (an unsigned request gets an S3 error, which is an answer). */
  boolean ready() {
    try {
      HttpResponse<Void> r =
          http.send(
              HttpRequest.newBuilder(URI.create(endpoint() + "/" + BUCKET))
                  .timeout(Duration.ofSeconds(3))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return r.statusCode() > 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The {@code galley.blob.*} settings (SCALE.md) that point a service at this server. */
  List<String> blobArgs() {
    return List.of(
        "--galley.blob.type=s3",
        "--galley.blob.s3.endpoint=" + endpoint(),
        "--galley.blob.s3.region=us-east-1",
        "--galley.blob.s3.bucket=" + BUCKET,
        "--galley.blob.s3.access-key-id=" + ACCESS_KEY,
        "--galley.blob.s3.secret-access-key=" + SECRET_KEY,
        "--galley.blob.s3.path-style-access=true");
  }

  @Override
  public void close() {
    process.kill();
  }
}
