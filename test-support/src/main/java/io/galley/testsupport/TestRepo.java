package io.galley.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A real git repository in a folder, for tests: write files, commit, read the commit id. Commit
 * times advance by one minute per commit from a fixed start, so tests are reproducible.
 */
public final class TestRepo implements AutoCloseable {

  private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

  private final Path dir;
  private final Git git;
  private int commits;

  private TestRepo(Path dir, Git git) {
    this.dir = dir;
    this.git = git;
  }

  /** Initialises a repository with branch {@code main} in {@code dir}. */
  public static TestRepo init(Path dir) {
    try {
      Files.createDirectories(dir);
      return new TestRepo(
          dir, Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GitAPIException e) {
      throw new IllegalStateException("git init failed in " + dir, e);
    }
  }

  /** The working tree. */
  public Path dir() {
    return dir;
  }

  /** Writes a text file (UTF-8), creating folders. */
  public TestRepo write(String path, String text) {
    return write(path, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes a binary file, creating folders. */
  public TestRepo write(String path, byte[] bytes) {
    try {
      Path file = dir.resolve(path);
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a file from the working tree. */
  public TestRepo delete(String path) {
    try {
      Files.deleteIfExists(dir.resolve(path));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stages every change (additions, edits, deletions) and commits; returns the commit id. */
  public String commit(String message) {
    try {
      git.add().addFilepattern(".").call();
      git.add().addFilepattern(".").setUpdate(true).call();
      Instant at = START.plusSeconds(60L * commits++);
      PersonIdent who =
          new PersonIdent(
              "Ada Editor", "ada@example.org", Date.from(at), TimeZone.getTimeZone("UTC"));
      RevCommit commit =
          git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
      return commit.getName();
    } catch (GitAPIException e) {
      throw new IllegalStateException("git commit failed in " + dir, e);
    }
  }

  /** Copies a folder of files (for example the sample guide) into the repository. */
  public TestRepo copyFrom(Path source, String into) {
    try (var files = Files.walk(source)) {
      for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String rel = source.relativize(p).toString().replace('\\', '/');
        write(into.isEmpty() ? rel : into + "/" + rel, Files.readAllBytes(p));
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    git.close();
  }
}
