package io.galley.ingest.git;

import io.galley.events.Digests;
import io.galley.ingest.book.BookFiles;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The content repository: a local repository read in place (its committed trees, not its working
 * tree), or a URL cloned bare into the state folder and fetched on each poll. Not thread-safe; the
 * poller uses it from one thread.
 */
public final class ContentRepository implements AutoCloseable {

  private final Repository repo;
  private final boolean remote;
  private final String branch;
  private final String name;
  private final CredentialsProvider credentials;

  private ContentRepository(
      Repository repo,
      boolean remote,
      String branch,
      String name,
      CredentialsProvider credentials) {
    this.repo = repo;
    this.remote = remote;
    this.branch = branch;
    this.name = name;
    this.credentials = credentials;
  }

  /** Opens a local repository or clones a URL; {@code branch} null means HEAD's branch. */
  public static ContentRepository open(
      String location, String branch, Path stateDir, String token) {
    try {
      if (isUrl(location)) {
        CredentialsProvider creds =
            token == null ? null : new UsernamePasswordCredentialsProvider("x-access-token", token);
        Path dir =
            stateDir
                .resolve("repos")
                .resolve(Digests.sha256Hex(location).substring(0, 16) + ".git");
        Repository repo;
        if (Files.isDirectory(dir.resolve("objects"))) {
          repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
        } else {
          Files.createDirectories(dir.getParent());
          repo =
              Git.cloneRepository()
                  .setURI(location)
                  .setBare(true)
                  .setGitDir(dir.toFile())
                  .setCredentialsProvider(creds)
                  .call()
                  .getRepository();
        }
        String b = branch == null ? repo.getBranch() : branch;
        return new ContentRepository(repo, true, b, nameOf(location), creds);
      }
      File dir = Path.of(location).toFile();
      Repository repo = new FileRepositoryBuilder().findGitDir(dir).setMustExist(true).build();
      String b = branch == null ? repo.getBranch() : branch;
      String n =
          repo.isBare() ? nameOf(repo.getDirectory().getName()) : repo.getWorkTree().getName();
      return new ContentRepository(repo, false, b, n, null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open repository " + location, e);
    } catch (GitAPIException e) {
      throw new IllegalStateException("cannot clone " + location + ": " + e.getMessage(), e);
    }
  }

  static boolean isUrl(String location) {
    return location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")
        || location.matches("^[^/]+@[^/:]+:.*");
  }

  private static String nameOf(String location) {
    String s = location.replaceAll("/+$", "");
    s = s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf(':')) + 1);
    return s.endsWith(".git") ? s.substring(0, s.length() - 4) : s;
  }

  /** The repository's name, the bookId of a book at its root. */
  public String name() {
    return name;
  }

  /** The followed branch. */
  public String branch() {
    return branch;
  }

  /** Fetches the branch when the repository is remote; a no-op for a local one. */
  public void fetch() {
    if (!remote) {
      return;
    }
    try (Git git = new Git(repo)) {
      git.fetch()
          .setRemote("origin")
          .setCredentialsProvider(credentials)
          .setRefSpecs(new RefSpec("+refs/heads/" + branch + ":refs/heads/" + branch))
          .call();
    } catch (GitAPIException e) {
      throw new IllegalStateException("fetch of " + branch + " failed: " + e.getMessage(), e);
    }
  }

  /** The branch's head commit id, or empty when the branch has no commits. */
  public Optional<String> head() {
    try {
      ObjectId id = repo.resolve("refs/heads/" + branch + "^{commit}");
      return Optional.ofNullable(id).map(ObjectId::name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Commit details. */
  public CommitInfo info(String commit) {
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit c = walk.parseCommit(ObjectId.fromString(commit));
      var who = c.getAuthorIdent();
      return new CommitInfo(
          c.getName(),
          c.getParentCount() == 0 ? null : c.getParent(0).getName(),
          who.getName() + " <" + who.getEmailAddress() + ">",
          c.getFullMessage(),
          c.getCommitterIdent().getWhenAsInstant());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The files of a commit. */
  public BookFiles files(String commit) {
    try (RevWalk walk = new RevWalk(repo)) {
      return new TreeFiles(repo, walk.parseCommit(ObjectId.fromString(commit)).getTree());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The commits after {@code from} up to {@code to}, oldest first, along the first-parent chain;
   * empty when {@code from} is not on that chain (history rewritten, or unknown here).
   */
  public Optional<List<String>> commitsAfter(String from, String to, int max) {
    List<String> chain = new ArrayList<>();
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit c = walk.parseCommit(ObjectId.fromString(to));
      while (!c.getName().equals(from)) {
        chain.add(c.getName());
        if (c.getParentCount() == 0 || chain.size() > max) {
          return Optional.empty();
        }
        c = walk.parseCommit(c.getParent(0));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Collections.reverse(chain);
    return Optional.of(chain);
  }

  /** The id of a folder's tree at a commit ("" = the root), or null when the folder is absent. */
  public String folderTree(String commit, String folder) {
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit c = walk.parseCommit(ObjectId.fromString(commit));
      if (folder.isEmpty()) {
        return c.getTree().getName();
      }
      try (TreeWalk tw = TreeWalk.forPath(repo, folder, c.getTree())) {
        return tw == null ? null : tw.getObjectId(0).getName();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    repo.close();
  }
}
