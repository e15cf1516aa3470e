package io.galley.fault;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One process of the stack (the broker or a service) that can be killed and started again. */
final class ManagedProcess {

  private final String name;
  private final List<String> command;
  private final Path log;
  private Process process;
  private int starts;

  ManagedProcess(String name, List<String> command, Path log) {
    this.name = name;
    this.command = List.copyOf(command);
    this.log = log;
  }

  String name() {
    return name;
  }

  /** Starts the process; its output is appended to its log, so restarts keep the history. */
  synchronized void start() {
    if (alive()) {
      throw new IllegalStateException(name + " is already running");
    }
    try {
      File out = log.toFile();
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(out))
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      starts++;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name, e);
    }
  }

  /** SIGKILL, no warning; waits until the process is gone. */
  synchronized void kill() {
    stop(true);
  }

  /** SIGTERM, then SIGKILL after 20 s; waits until the process is gone. */
  synchronized void terminate() {
    stop(false);
  }

  private void stop(boolean forcibly) {
    if (process == null) {
      return;
    }
    Process p = process;
    if (forcibly) {
      p.destroyForcibly();
    } else {
      p.destroy();
    }
    try {
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  synchronized boolean alive() {
    return process != null && process.isAlive();
  }

  synchronized int starts() {
    return starts;
  }

  Path log() {
    return log;
  }
}
