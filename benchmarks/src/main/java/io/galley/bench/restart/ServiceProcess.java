package io.galley.bench.restart;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One render or export instance as {@code infra/local/run} starts it ({@code java -jar} of the exec
 * jar; render with 768 MB of heap, export with 1 GB at {@code nice -n 10}), on a free port of
 * 127.0.0.1 with a fresh state folder, the shared blob directory and the broker given. {@link
 * #close()} stops it (SIGTERM, SIGKILL after 15 s).
 */
final class ServiceProcess implements AutoCloseable {

  final String service;
  final int port;
  final long startedNanos;
  private final Process process;

  private ServiceProcess(String service, int port, Process process, long startedNanos) {
    this.service = service;
    this.port = port;
    this.process = process;
    this.startedNanos = startedNanos;
  }

  /**
   * Starts {@code service} ({@code render} or {@code export}); its log goes to {@code log}.
   *
   * @param extra further {@code --name=value} arguments
   */
  static ServiceProcess start(
      String service,
      Path jar,
      String bootstrap,
      Path state,
      Path blobs,
      int partitions,
      Path log,
      List<String> extra)
      throws IOException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    boolean export = service.equals("export");
    if (export) {
      command.addAll(List.of("nice", "-n", "10")); // nice execs java: the pid stays the JVM's
    }
    command.addAll(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            export ? "-Xmx1g" : "-Xmx768m",
            "-XX:+ExitOnOutOfMemoryError",
            "-Djava.awt.headless=true",
            "-jar",
            jar.toString(),
            "--server.port=" + port,
            "--server.address=127.0.0.1",
            "--spring.kafka.bootstrap-servers=" + bootstrap,
            "--galley." + service + ".state-dir=" + state,
            "--galley.blob.directory=" + blobs,
            "--galley.topics.partitions=" + partitions));
    command.addAll(extra);
    Files.createDirectories(state);
    Files.createDirectories(log.getParent());
    long started = System.nanoTime();
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    return new ServiceProcess(service, port, process, started);
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** Seconds since the process was started. */
  double secondsSinceStart() {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
