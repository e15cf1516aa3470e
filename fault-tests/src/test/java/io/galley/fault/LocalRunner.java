package io.galley.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code infra/local/run} script as a process, in a session of its own (so one signal to
 * its process group ends it and everything under it), with its own state folder and free ports
 * given through the {@code GALLEY_*_PORT} variables. {@link #close()} kills the process group.
 */
final class LocalRunner implements AutoCloseable {

  final Path state;
  final Path output;
  private final Map<String, Integer> ports;
  private final Process process;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Thread hook = new Thread(this::killGroup, "local-runner-cleanup");

  private LocalRunner(Path state, Path output, Map<String, Integer> ports, Process process) {
    this.state = state;
    this.output = output;
    this.ports = ports;
    this.process = process;
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * Starts the runner on {@code content}; the broker's jars are linked in from {@code kafkaLib},
   * and the services' exec jars are used as the reactor built them ({@code GALLEY_SKIP_BUILD}).
   */
  static LocalRunner start(Path root, Path work, Path kafkaLib, Path content, String book)
      throws IOException {
    Path state = Files.createDirectories(work.resolve("state"));
    // the runner's own fetch would be a nested mvn run for jars this module already has
    Files.createDirectories(state.resolve("kafka"));
    Files.createSymbolicLink(state.resolve("kafka/lib"), kafkaLib);
    int[] free = PipelineStack.freePorts(5);
    Map<String, Integer> ports =
        Map.of("kafka", free[0], "ingest", free[2], "render", free[3], "export", free[4]);
    Path output = work.resolve("runner.out");
    ProcessBuilder builder =
        new ProcessBuilder(
                "setsid",
                root.resolve("infra/local/run").toString(),
                "--content",
                content.toString(),
                "--book",
                book,
                "--state",
                state.toString())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Map<String, String> env = builder.environment();
    env.put("GALLEY_KAFKA_PORT", String.valueOf(free[0]));
    env.put("GALLEY_CONTROLLER_PORT", String.valueOf(free[1]));
    env.put("GALLEY_INGEST_PORT", String.valueOf(free[2]));
    env.put("GALLEY_RENDER_PORT", String.valueOf(free[3]));
    env.put("GALLEY_EXPORT_PORT", String.valueOf(free[4]));
    env.put("GALLEY_SKIP_BUILD", "true");
    // every JVM the runner starts: quicker to start on a busy machine, as in PipelineStack
    env.put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
    return new LocalRunner(state, output, ports, builder.start());
  }

  /** What the runner printed so far (stdout and stderr). */
  String output() {
    try {
      return Files.readString(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The pid in {@code <state>/run/<name>.pid}, if the file is there. */
  OptionalLong pid(String name) {
    try {
      String text = Files.readString(state.resolve("run").resolve(name + ".pid")).trim();
      return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  String url(String service, String path) {
    return "http://127.0.0.1:" + ports.get(service) + path;
  }

  /** Whether the broker accepts connections, or a service answers its health check with 200. */
  boolean up(String name) {
    if (name.equals("kafka")) {
      try (Socket socket = new Socket("127.0.0.1", ports.get("kafka"))) {
        return true;
      } catch (IOException e) {
        return false;
      }
    }
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url(name, "/actuator/health")))
              .timeout(Duration.ofSeconds(3))
              .build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  boolean alive() {
    return process.isAlive();
  }

  /** The runner and every process under it now: its supervisors, the JVMs, their timers. */
  List<ProcessHandle> tree() {
    return java.util.stream.Stream.concat(
            java.util.stream.Stream.of(process.toHandle()), process.descendants())
        .toList();
  }

  /** Live processes whose command line names the state folder, wherever they are in the tree. */
  List<ProcessHandle> processesUsingState() {
    String dir = state.toString();
    return ProcessHandle.allProcesses()
        .filter(p -> p.pid() != ProcessHandle.current().pid())
        .filter(p -> p.info().commandLine().map(c -> c.contains(dir)).orElse(false))
        .toList();
  }

  /** SIGTERM, as an operator would send it; the exit code, or -1 if it did not end in time. */
  int terminate(Duration max) throws InterruptedException {
    process.destroy();
    return process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
  }

  private void killGroup() {
    List<ProcessHandle> all = process.isAlive() ? tree() : List.of();
    try {
      // setsid made the runner the leader of its own process group: this reaches all of it
      new ProcessBuilder("kill", "-KILL", "--", "-" + process.pid())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      // fall through to the handles
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    all.forEach(ProcessHandle::destroyForcibly);
    processesUsingState().forEach(ProcessHandle::destroyForcibly);
  }

  @Override
  public void close() {
    killGroup();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook runs anyway
    }
  }
}
