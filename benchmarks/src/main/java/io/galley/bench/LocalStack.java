package io.galley.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The stack started by {@code infra/local/run} as a child process, stopped with SIGTERM. */
final class LocalStack implements AutoCloseable {

  private static final int[] PORTS = {
    GalleyApi.KAFKA, GalleyApi.CONTROLLER, GalleyApi.INGEST, GalleyApi.RENDER, GalleyApi.EXPORT
  };

  private final Process process;
  private final Path state;
  private final Thread stopOnExit;

  private LocalStack(Process process, Path state) {
    this.process = process;
    this.state = state;
    this.stopOnExit = new Thread(this::stop, "stop-local-stack");
    Runtime.getRuntime().addShutdownHook(stopOnExit);
  }

  /** Starts the runner and waits until the three services report healthy. */
  static LocalStack start(
      Path root, Path content, String book, Path state, GalleyApi api, Duration timeout)
      throws IOException, InterruptedException {
    for (int port : PORTS) {
      if (listening(port)) {
        throw new IllegalStateException(
            "port " + port + " is in use: stop whatever listens there first");
      }
    }
    java.nio.file.Files.createDirectories(state);
    Process process =
        new ProcessBuilder(
                List.of(
                    root.resolve("infra/local/run").toString(),
                    "--content",
                    content.toString(),
                    "--book",
                    book,
                    "--state",
                    state.toString()))
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(state.resolve("runner.log").toFile())
            .start();
    LocalStack stack = new LocalStack(process, state);
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "infra/local/run exited with "
                + process.exitValue()
                + "; see "
                + state.resolve("runner.log")
                + " and "
                + state.resolve("logs"));
      }
      if (api.healthy(GalleyApi.INGEST)
          && api.healthy(GalleyApi.RENDER)
          && api.healthy(GalleyApi.EXPORT)) {
        return stack;
      }
      Thread.sleep(200);
    }
    stack.close();
    throw new IllegalStateException(
        "the stack was not healthy within " + timeout.toSeconds() + " s");
  }

  Path state() {
    return state;
  }

  long pid() {
    return process.pid();
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** SIGTERM to the runner (it stops the services, then Kafka); forced after 90 s. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException e) {
      return; // the JVM is exiting: the hook stops the stack
    }
    stop();
  }

  private void stop() {
    try {
      terminate();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void terminate() throws InterruptedException {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    for (ProcessHandle child : children) {
      if (child.isAlive()) {
        child.destroy();
        child.onExit().completeOnTimeout(child, 20, TimeUnit.SECONDS).join();
        if (child.isAlive()) {
          child.destroyForcibly();
        }
      }
    }
  }
}
