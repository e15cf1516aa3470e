package io.galley.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.apache.kafka.common.Uuid;

/**
 * Galley as processes on 127.0.0.1, the way {@code infra/local/run} starts it: a KRaft broker from
 * Maven Central jars and the three services' exec jars, on free ports in the 2xxxx range, with all
 * state under one work folder. {@link #close()} kills whatever is still running.
 */
final class PipelineStack implements AutoCloseable {

  final int kafkaPort;
  final int ingestPort;
  final int renderPort;
  final int exportPort;
  private final ManagedProcess broker;
  private final Map<String, ManagedProcess> services = new LinkedHashMap<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Thread hook = new Thread(this::killAll, "fault-stack-cleanup");

  PipelineStack(Path root, Path kafkaLib, Path work, Path content, String book) throws IOException {
    this(root, kafkaLib, work, content, book, ServiceJvms.faultDefaults());
  }

  PipelineStack(Path root, Path kafkaLib, Path work, Path content, String book, ServiceJvms jvms)
      throws IOException {
    int[] ports = freePorts(5);
    kafkaPort = ports[0];
    int controllerPort = ports[1];
    ingestPort = ports[2];
    renderPort = ports[3];
    exportPort = ports[4];
    Path logs = Files.createDirectories(work.resolve("logs"));
    Path jars = Files.createDirectories(work.resolve("jars"));
    broker =
        new ManagedProcess(
            "kafka",
            prepareBroker(root, kafkaLib, work, controllerPort),
            logs.resolve("kafka.log"));
    String bootstrap = "--spring.kafka.bootstrap-servers=127.0.0.1:" + kafkaPort;
    services.put(
        "ingest",
        service(
            root,
            jars,
            logs,
            work,
            jvms,
            "ingest",
            ingestPort,
            bootstrap,
            "--galley.ingest.repository=" + content,
            "--galley.ingest.books=" + book,
            "--galley.ingest.poll-interval=500ms"));
    services.put(
        "render",
        service(
            root,
            jars,
            logs,
            work,
            jvms,
            "render",
            renderPort,
            bootstrap,
            "--spring.kafka.consumer.properties.session.timeout.ms=10000"));
    services.put(
        "export",
        service(
            root,
            jars,
            logs,
            work,
            jvms,
            "export",
            exportPort,
            bootstrap,
            "--galley.export.site-base-url=http://127.0.0.1:" + renderPort));
    Runtime.getRuntime().addShutdownHook(hook);
  }

  ManagedProcess broker() {
    return broker;
  }

  ManagedProcess service(String name) {
    return services.get(name);
  }

  List<String> serviceNames() {
    return List.copyOf(services.keySet());
  }

  String url(String service, String path) {
    int port =
        switch (service) {
          case "ingest" -> ingestPort;
          case "render" -> renderPort;
          default -> exportPort;
        };
    return "http://127.0.0.1:" + port + path;
  }

  /** Whether a service answers its health endpoint with 200. */
  boolean healthy(String service) {
    try {
      HttpResponse<Void> r =
          http.send(
              HttpRequest.newBuilder(URI.create(url(service, "/actuator/health")))
                  .timeout(Duration.ofSeconds(3))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Whether the broker accepts connections. */
  boolean brokerListening() {
    try (var socket = new java.net.Socket("127.0.0.1", kafkaPort)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private void killAll() {
    List<ManagedProcess> all = new ArrayList<>(services.values());
    all.forEach(ManagedProcess::kill);
    broker.kill();
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

  private static ManagedProcess service(
      Path root,
      Path jars,
      Path logs,
      Path work,
      ServiceJvms jvms,
      String name,
      int port,
      String... args)
      throws IOException {
    Path jar = copyExecJar(root, jars, name + "-service");
    List<String> command = new ArrayList<>(jvms.prefixOf(name));
    command.add(java());
    command.addAll(jvms.optionsOf(name));
    command.addAll(
        List.of(
            "-Djava.awt.headless=true",
            "-jar",
            jar.toString(),
            "--server.port=" + port,
            "--server.address=127.0.0.1",
            "--galley." + name + ".state-dir=" + work.resolve(name)));
    command.addAll(List.of(args));
    command.addAll(jvms.argsOf(name));
    return new ManagedProcess(name, command, logs.resolve(name + ".log"));
  }

  /** A copy, so a build of another module that repackages the jar cannot change it mid-run. */
  static Path copyExecJar(Path root, Path jars, String module) throws IOException {
    try (var found = Files.list(root.resolve(module).resolve("target"))) {
      Path jar =
          found
              .filter(p -> p.getFileName().toString().endsWith("-exec.jar"))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "no exec jar in "
                              + module
                              + "/target: run 'mvn -B package' (or the reactor build) first"));
      return Files.copy(
          jar, jars.resolve(module + ".jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Writes the broker's configuration, formats its storage and returns its command line. */
  private List<String> prepareBroker(Path root, Path lib, Path work, int controllerPort)
      throws IOException {
    Path dir = Files.createDirectories(work.resolve("kafka"));
    Path properties = dir.resolve("server.properties");
    Files.writeString(
        properties,
        String.join(
            "\n",
            "process.roles=broker,controller",
            "node.id=1",
            "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
            "listeners=PLAINTEXT://127.0.0.1:"
                + kafkaPort
                + ",CONTROLLER://127.0.0.1:"
                + controllerPort,
            "advertised.listeners=PLAINTEXT://127.0.0.1:" + kafkaPort,
            "controller.listener.names=CONTROLLER",
            "inter.broker.listener.name=PLAINTEXT",
            "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
            "log.dirs=" + dir.resolve("data"),
            "num.partitions=3",
            "offsets.topic.replication.factor=1",
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "share.coordinator.state.topic.replication.factor=1",
            "share.coordinator.state.topic.min.isr=1",
            "group.initial.rebalance.delay.ms=0",
            "message.max.bytes=16778240",
            ""));
    String log4j =
        "-Dlog4j2.configurationFile=" + root.resolve("infra/local/kafka/log4j2.properties");
    String classpath = lib + "/*";
    Process format =
        new ProcessBuilder(
                java(),
                log4j,
                "-cp",
                classpath,
                "kafka.tools.StorageTool",
                "format",
                "-t",
                Uuid.randomUuid().toString(),
                "-c",
                properties.toString(),
                "--standalone")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("format.log").toFile())
            .start();
    try {
      if (!format.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || format.exitValue() != 0) {
        format.destroyForcibly();
        throw new IllegalStateException(
            "formatting the broker's storage failed, see " + dir.resolve("format.log"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while formatting the broker's storage", e);
    }
    return List.of(
        java(),
        "-Xmx384m",
        "-XX:+UseSerialGC",
        log4j,
        "-cp",
        classpath,
        "kafka.Kafka",
        properties.toString());
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static int[] freePorts(int n) throws IOException {
    int[] ports = new int[n];
    int found = 0;
    for (int port = 21000 + (int) (ProcessHandle.current().pid() % 500) * 10;
        found < n && port < 29990;
        port++) {
      try (ServerSocket s = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
        ports[found++] = port;
      } catch (IOException taken) {
        found = 0; // keep the five adjacent, like the runner's defaults
      }
    }
    if (found < n) {
      throw new UncheckedIOException(new IOException("no " + n + " free ports in 21000-29990"));
    }
    return ports;
  }
}
