package io.galley.e2e.infra;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;

/**
 * One project of {@code infra/docker-compose.yml} driven through whichever compose this machine
 * has: the v2 plugin ({@code docker compose}) or v1 ({@code docker-compose} 1.29, Debian's), which
 * is why the project is named with {@code -p} and not in the file. Compose output goes to a log
 * file; containers are found by the labels both versions set.
 */
final class ComposeProject implements AutoCloseable {

  static final Path FILE = ComposeFileTest.ROOT.resolve("infra/docker-compose.yml");

  private final List<String> command;
  private final String name;
  private final Map<String, String> env;
  private final Path log;

  private ComposeProject(List<String> command, String name, Map<String, String> env, Path log) {
    this.command = command;
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
    return new ComposeProject(command, name, env, log);
  }

  String name() {
    return name;
  }

  /** Runs {@code compose -p name -f file args...}; fails with the log's tail unless it exits 0. */
  void run(long timeoutMinutes, String... args) {
    List<String> cmd = new ArrayList<>(command);
    cmd.addAll(List.of("-p", name, "-f", FILE.toString()));
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

  /** The container of one compose service (each runs one). */
  InspectContainerResponse inspect(String service) {
    String id =
        containers().stream()
            .filter(c -> service.equals(c.getLabels().get("com.docker.compose.service")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no container for service " + service))
            .getId();
    return docker().inspectContainerCmd(id).exec();
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

  static DockerClient docker() {
    return DockerClientFactory.instance().client();
  }

  /** Takes everything down, volumes included. */
  @Override
  public void close() {
    run(5, "down", "--volumes", "--remove-orphans", "--timeout", "30");
  }
}
