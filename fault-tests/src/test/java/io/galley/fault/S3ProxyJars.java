package io.galley.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * S3Proxy's runtime jars (its filesystem backend included), copied from Maven Central with {@code
 * fault-tests/s3proxy/pom.xml}, the way {@link BrokerJars} fetches the broker's.
 */
final class S3ProxyJars {

  private S3ProxyJars() {}

  /** The folder holding the jars, fetched on first use: offline first, then online. */
  static Path ensure(Path root, Path lib) throws IOException, InterruptedException {
    Path done = lib.resolve(".complete");
    if (Files.exists(done)) {
      return lib;
    }
    Files.createDirectories(lib);
    String home = System.getProperty("galley.fault.maven-home", "");
    String mvn =
        home.isBlank() || home.startsWith("${") ? "mvn" : Path.of(home, "bin", "mvn").toString();
    Path log = lib.resolveSibling("s3proxy-lib-fetch.log");
    Path pom = root.resolve("fault-tests/s3proxy/pom.xml");
    if (!fetch(mvn, pom, lib, log, true) && !fetch(mvn, pom, lib, log, false)) {
      throw new IllegalStateException("could not fetch S3Proxy's jars, see " + log);
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
