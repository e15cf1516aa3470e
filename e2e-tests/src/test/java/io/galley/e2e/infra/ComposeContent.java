package io.galley.e2e.infra;

import io.galley.testsupport.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/** Commits to the content repository the compose stacks mount, readable by their containers. */
final class ComposeContent {

  private ComposeContent() {}

  /**
   * A new repository under {@code target/} holding the sample guide, world-readable: the ingest
   * container runs as uid 10001.
   */
  static TestRepo create(String prefix) throws IOException {
    Path target = Files.createDirectories(Path.of("target").toAbsolutePath());
    Path content =
        Files.createTempDirectory(
            target,
            prefix,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    return TestRepo.init(content).copyFrom(Path.of("..", "guide"), "guide");
  }

  /** Commits everything and returns the commit id. */
  static String commit(TestRepo repo, String message) throws IOException {
    String id = repo.commit(message);
    // files JGit wrote must be readable by the container's user, whatever the umask
    try (Stream<Path> files = Files.walk(repo.dir())) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Files.setPosixFilePermissions(
            p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
      }
    }
    return id;
  }

  /** Appends {@code line} to the sample guide's first chapter and commits it. */
  static String editAChapter(TestRepo repo, String line) throws IOException {
    Path chapters = repo.dir().resolve("guide/chapters");
    Path chapter;
    try (Stream<Path> files = Files.list(chapters)) {
      chapter = files.filter(p -> p.toString().endsWith(".md")).sorted().findFirst().orElseThrow();
    }
    Files.writeString(chapter, Files.readString(chapter) + "\n" + line + "\n");
    return commit(repo, line);
  }
}
