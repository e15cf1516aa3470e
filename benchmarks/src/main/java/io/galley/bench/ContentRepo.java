package io.galley.bench;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** A real git repository (JGit, branch main) holding the synthetic book. */
final class ContentRepo implements AutoCloseable {

  private static final PersonIdent EDITOR = new PersonIdent("Bench Editor", "editor@bench.invalid");

  private final Git git;
  private final Path dir;

  private ContentRepo(Git git, Path dir) {
    this.git = git;
    this.dir = dir;
  }

  static ContentRepo init(Path dir) throws GitAPIException {
    return new ContentRepo(
        Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir);
  }

  Path dir() {
    return dir;
  }

  /** Stages everything under the folder and commits it; returns the commit id. */
  String commitAll(String message) throws GitAPIException {
    git.add().addFilepattern(".").call();
    PersonIdent now = new PersonIdent(EDITOR, java.time.Instant.now(), java.time.ZoneOffset.UTC);
    return git.commit()
        .setMessage(message)
        .setAuthor(now)
        .setCommitter(now)
        .setSign(false)
        .call()
        .getName();
  }

  /** Stages one file (relative to the repository) and commits it; returns the commit id. */
  String commitFile(String path, String message) throws GitAPIException {
    git.add().addFilepattern(path).call();
    PersonIdent now = new PersonIdent(EDITOR, java.time.Instant.now(), java.time.ZoneOffset.UTC);
    return git.commit()
        .setMessage(message)
        .setAuthor(now)
        .setCommitter(now)
        .setSign(false)
        .call()
        .getName();
  }

  @Override
  public void close() throws IOException {
    git.close();
  }
}
