package io.galley.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runtime jars of a process the tests start (the Kafka broker, S3Proxy), copied from Maven Central
 * with the small pom that names them, exactly as {@code infra/local/run} fetches the broker's.
 */
final class MavenJars {

  private MavenJars() {}

  /** The broker's jars ({@code kafka_2.13} and a log4j binding), in {@code lib}. */
  static Path broker(Path root, Path lib) throws IOException, InterruptedException {
    return ensure(root.resolve("infra/local/kafka/pom.xml"), lib, "the Kafka broker's jars");
  }

  /** S3Proxy's jars (its filesystem backend included), in {@code lib}. */
  static Path s3Proxy(Path root, Path lib) throws IOException, InterruptedException {
    return ensure(root.resolve("fault-tests/s3proxy/pom.xml"), lib, "S3Proxy's jars");
  }

  /**
   * The folder holding the jars of {@code pom}, fetched on first use: offline first, then online.
   */
  private static Path ensure(Path pom, Path lib, String what)
      throws IOException, InterruptedException {
    Path done = lib.resolve(".complete");
    if (Files.exists(done)) {
      return lib;
    }
    Files.createDirectories(lib);
    String home = System.getProperty("galley.fault.maven-home", "");
    String mvn =
        home.isBlank() || home.startsWith("${") ? "mvn" : Path.of(home, "bin", "mvn").toString();
    Path log = lib.resolveSibling(lib.getFileName() + "-fetch.log");
    // offline first (the local repository usually has them), then from the configured repositories
    if (!fetch(mvn, pom, lib, log, true) && !fetch(mvn, pom, lib, log, false)) {
      throw new IllegalStateException("could not fetch " + what + ", see " + log);
    }
    Files.createFile(done);
    return lib;
  }

  private static boolean fetch(String mvn, Path pom, Path lib, Path log, boolean offline)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(mvn, "-B", "-q"));
    if (offline) {
      command.add("-o");
    }
    command.addAll(
        List.of("-f", pom.toString(), "dependency:copy-dependencies", "-DoutputDirectory=" + lib));
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
