package io.galley.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The broker's runtime jars ({@code kafka_2.13} and a log4j binding), copied from Maven Central
 * with {@code infra/local/kafka/pom.xml} exactly as {@code infra/local/run} fetches them.
 */
final class BrokerJars {

  private BrokerJars() {}

  /** The folder holding the jars, fetched on first use. */
  static Path ensure(Path root, Path lib) throws IOException, InterruptedException {
    Path done = lib.resolve(".complete");
    if (Files.exists(done)) {
      return lib;
    }
    Files.createDirectories(lib);
    String home = System.getProperty("galley.fault.maven-home", "");
    String mvn =
        home.isBlank() || home.startsWith("${") ? "mvn" : Path.of(home, "bin", "mvn").toString();
    Path log = lib.resolveSibling("kafka-lib-fetch.log");
    // offline first (the local repository usually has them), then from the configured repositories
    if (!fetch(mvn, root, lib, log, true) && !fetch(mvn, root, lib, log, false)) {
      throw new IllegalStateException("could not fetch the Kafka broker jars, see " + log);
    }
    Files.createFile(done);
    return lib;
  }

  private static boolean fetch(String mvn, Path root, Path lib, Path log, boolean offline)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(mvn, "-B", "-q"));
    if (offline) {
      command.add("-o");
    }
    command.addAll(
        List.of(
            "-f",
            root.resolve("infra/local/kafka/pom.xml").toString(),
            "dependency:copy-dependencies",
            "-DoutputDirectory=" + lib));
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      return false;
    }
    return p.exitValue() == 0;
  }
}
