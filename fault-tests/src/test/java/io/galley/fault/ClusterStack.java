package io.galley.fault;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Galley as a cluster of processes on 127.0.0.1: {@link ClusterBrokers}, an {@link S3ProxyProcess}
 * and any number of instances of each service ({@code java -jar} of the exec jars, each on its own
 * free port with its own state folder), all pointed at the brokers and the bucket. {@link #close()}
 * kills everything it started, also from a shutdown hook.
 */
final class ClusterStack implements AutoCloseable {

  /** Partitions of every topic but the dead letters. */
  static final int PARTITIONS = 6;

  static final List<String> SERVICES = List.of("ingest", "render", "export");

  /** One running (or stopped) instance of a service. */
  record Instance(String service, String name, int port, ManagedProcess process) {
    String url(String path) {
      return "http://127.0.0.1:" + port + path;
    }
  }

  final ClusterBrokers brokers;
  final S3ProxyProcess s3;
  private final Path root;
  private final Path work;
  private final Path content;
  private final List<String> books;
  private final Map<String, Path> jars = new LinkedHashMap<>();
  private final Map<String, Instance> instances = new LinkedHashMap<>();
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(2))
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();
  private final Thread hook = new Thread(this::killAll, "cluster-stack-cleanup");

  ClusterStack(Path root, Path kafkaLib, Path s3Lib, Path work, Path content, List<String> books)
      throws IOException {
    this.root = root;
    this.work = work;
    this.content = content;
    this.books = List.copyOf(books);
    Runtime.getRuntime().addShutdownHook(hook);
    brokers = new ClusterBrokers(root, kafkaLib, work);
    s3 = new S3ProxyProcess(s3Lib, work);
    Path jarDir = Files.createDirectories(work.resolve("jars"));
    for (String service : SERVICES) {
      jars.put(service, PipelineStack.copyExecJar(root, jarDir, service + "-service"));
    }
  }

  /** Creates the next instance of a service ({@code render-4} after {@code render-3}), stopped. */
  synchronized Instance create(String service) throws IOException {
    int n = (int) instances.values().stream().filter(i -> i.service().equals(service)).count();
    String name = service + "-" + (n + 1);
    int port = freePort();
    Path logs = Files.createDirectories(work.resolve("logs"));
    Instance instance =
        new Instance(
            service,
            name,
            port,
            new ManagedProcess(name, command(service, name, port), logs.resolve(name + ".log")));
    instances.put(name, instance);
    return instance;
  }

  synchronized Instance instance(String name) {
    return instances.get(name);
  }

  /** Every instance created, running or not, in creation order. */
  synchronized List<Instance> instances() {
    return List.copyOf(instances.values());
  }

  /** The running instances of a service. */
  synchronized List<Instance> alive(String service) {
    return instances.values().stream()
        .filter(i -> i.service().equals(service) && i.process().alive())
        .toList();
  }

  /** Whether an instance answers its health endpoint with 200. */
  boolean healthy(Instance instance) {
    return status(instance.url("/actuator/health")) == 200;
  }

  /** The status of a GET (redirects followed), or -1 when nothing answered in time. */
  int status(String url) {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private List<String> command(String service, String name, int port) {
    List<String> command =
        new ArrayList<>(
            List.of(
                PipelineStack.java(),
                service.equals("export") ? "-Xmx384m" : "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError",
                "-Djava.awt.headless=true",
                "-jar",
                jars.get(service).toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--spring.kafka.bootstrap-servers=" + brokers.bootstrap(),
                // a SIGKILLed member's partitions move after this, not after the 45 s default
                "--spring.kafka.consumer.properties.session.timeout.ms=10000",
                "--galley." + service + ".state-dir=" + work.resolve("state").resolve(name),
                "--galley." + service + ".partitions=" + PARTITIONS,
                // render has this setting today; ingest and export get it if they add it
                "--galley."
                    + service
                    + ".replication-factor="
                    + ClusterBrokers.REPLICATION_FACTOR));
    command.addAll(s3.blobArgs());
    switch (service) {
      case "ingest" ->
          command.addAll(
              List.of(
                  "--galley.ingest.repository=" + content,
                  "--galley.ingest.books=" + String.join(",", books),
                  "--galley.ingest.poll-interval=500ms",
                  "--galley.ingest.instance=" + name));
      case "render" -> command.add("--galley.render.warm-up=false");
      default -> command.add("--galley.export.site-base-url=" + siteBaseUrl());
    }
    return command;
  }

  /** Export links HTML editions to the first render instance (any serves every site, by #14). */
  private String siteBaseUrl() {
    return instances.values().stream()
        .filter(i -> i.service().equals("render"))
        .findFirst()
        .map(i -> i.url(""))
        .orElse("http://127.0.0.1:8082");
  }

  private synchronized void killAll() {
    instances.values().forEach(i -> i.process().kill());
    if (s3 != null) {
      s3.close();
    }
    if (brokers != null) {
      brokers.close();
    }
  }

  @Override
  public void close() {
    killAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook runs anyway
    }
  }

  /** An ephemeral loopback port, free when asked. */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
