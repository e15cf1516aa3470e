package io.galley.e2e.infra;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.MemoryStatsConfig;
import com.github.dockerjava.api.model.Statistics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.testcontainers.DockerClientFactory;

/**
 * One project of a compose file ({@code infra/docker-compose.yml} unless told) driven through
 * whichever compose this machine has: the v2 plugin ({@code docker compose}) or v1 ({@code
 * docker-compose} 1.29, Debian's), which is why the project is named with {@code -p} and not in the
 * file. Compose output goes to a log file; containers are found by the labels both versions set.
 */
final class ComposeProject implements AutoCloseable {

  static final Path FILE = ComposeFileTest.ROOT.resolve("infra/docker-compose.yml");

  private final List<String> command;
  private final Path file;
  private final String name;
  private final Map<String, String> env;
  private final Path log;

  private ComposeProject(
      List<String> command, Path file, String name, Map<String, String> env, Path log) {
    this.command = command;
    this.file = file;
    this.name = name;
    this.env = env;
    this.log = log;
  }

  /** The compose command present here, v2 first; empty when there is none. */
  static List<String> composeCommand() {
    for (List<String> candidate :
        List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
      List<String> version = new ArrayList<>(candidate);
      version.add("version");
      try {
        Process p = new ProcessBuilder(version).redirectErrorStream(true).start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
          return candidate;
        }
      } catch (IOException e) {
        // not installed: try the next one
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return List.of();
      }
    }
    return List.of();
  }

  /** A project with these variables (ports, content folder) set for every compose call. */
  static ComposeProject of(List<String> command, String name, Map<String, String> env, Path log) {
    return of(command, FILE, name, env, log);
  }

  /** A project of another compose file. */
  static ComposeProject of(
      List<String> command, Path file, String name, Map<String, String> env, Path log) {
    return new ComposeProject(command, file, name, env, log);
  }

  String name() {
    return name;
  }

  /** Runs {@code compose -p name -f file args...}; fails with the log's tail unless it exits 0. */
  void run(long timeoutMinutes, String... args) {
    List<String> cmd = new ArrayList<>(command);
    cmd.addAll(List.of("-p", name, "-f", file.toString()));
    cmd.addAll(List.of(args));
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(
          log,
          "\n$ " + String.join(" ", cmd) + "\n",
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      ProcessBuilder pb =
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      pb.environment().remove("GALLEY_CONTENT");
      pb.environment().putAll(env);
      Process p = pb.start();
      if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError(String.join(" ", args) + " timed out; " + tail());
      }
      if (p.exitValue() != 0) {
        throw new AssertionError(
            String.join(" ", args) + " exited " + p.exitValue() + "; " + tail());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String tail() throws IOException {
    List<String> lines = Files.readAllLines(log);
    return "see "
        + log
        + ":\n"
        + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  /** Every container of the project, running or not. */
  List<Container> containers() {
    return docker()
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of("com.docker.compose.project", name))
        .exec();
  }

  /** The container of one compose service (the first, for a scaled one). */
  InspectContainerResponse inspect(String service) {
    return instances(service).stream()
        .findFirst()
        .orElseThrow(() -> new AssertionError("no container for service " + service));
  }

  /** Every container of one compose service, as many as it is scaled to. */
  List<InspectContainerResponse> instances(String service) {
    return containers().stream()
        .filter(c -> service.equals(c.getLabels().get("com.docker.compose.service")))
        .map(c -> docker().inspectContainerCmd(c.getId()).exec())
        .toList();
  }

  /** Volumes compose made for the project. */
  List<String> volumes() {
    var response =
        docker()
            .listVolumesCmd()
            .withFilter("label", List.of("com.docker.compose.project=" + name))
            .exec();
    return response.getVolumes() == null
        ? List.of()
        : response.getVolumes().stream().map(v -> v.getName()).toList();
  }

  /** Runs a command in a running container; its output (stdout and stderr) once it exited 0. */
  static String exec(String containerId, String... cmd) {
    DockerClient docker = docker();
    String exec =
        docker
            .execCreateCmd(containerId)
            .withCmd(cmd)
            .withAttachStdout(true)
            .withAttachStderr(true)
            .exec()
            .getId();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      boolean done =
          docker
              .execStartCmd(exec)
              .exec(
                  new ResultCallback.Adapter<Frame>() {
                    @Override
                    public void onNext(Frame frame) {
                      out.writeBytes(frame.getPayload());
                    }
                  })
              .awaitCompletion(2, TimeUnit.MINUTES);
      String output = out.toString(StandardCharsets.UTF_8);
      Long exit = docker.inspectExecCmd(exec).exec().getExitCodeLong();
      if (!done || exit == null || exit != 0) {
        throw new AssertionError(String.join(" ", cmd) + " exited " + exit + ":\n" + output);
      }
      return output;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A running container's memory as {@code docker stats} shows it (cgroup usage less page cache).
   */
  static long memoryBytes(String containerId) {
    AtomicReference<Statistics> last = new AtomicReference<>();
    try (ResultCallback.Adapter<Statistics> callback =
        docker()
            .statsCmd(containerId)
            .withNoStream(true)
            .exec(
                new ResultCallback.Adapter<>() {
                  @Override
                  public void onNext(Statistics stats) {
                    last.set(stats);
                  }
                })) {
      callback.awaitCompletion(30, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    MemoryStatsConfig memory = last.get() == null ? null : last.get().getMemoryStats();
    if (memory == null || memory.getUsage() == null) {
      return 0;
    }
    Long cache = memory.getStats() == null ? null : memory.getStats().getCache();
    return memory.getUsage() - (cache == null ? 0 : cache);
  }

  static DockerClient docker() {
    return DockerClientFactory.instance().client();
  }

  /** Takes everything down, volumes included. */
  @Override
  public void close() {
    run(5, "down", "--volumes", "--remove-orphans", "--timeout", "30");
  }
}
