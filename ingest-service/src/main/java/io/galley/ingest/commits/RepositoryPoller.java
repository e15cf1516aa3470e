package io.galley.ingest.commits;

import io.galley.events.CommitEvent;
import io.galley.ingest.IngestProperties;
import io.galley.ingest.book.BookDiscovery;
import io.galley.ingest.book.BookFiles;
import io.galley.ingest.book.BookIds;
import io.galley.ingest.git.CommitInfo;
import io.galley.ingest.git.ContentRepository;
import io.galley.observability.CommitTrace;
import io.galley.observability.CommitTracing;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the commit log up to the branch head: catches up commit by commit along the first-parent
 * chain, or ingests the head as a snapshot when history was rewritten or nothing is known yet. Only
 * the active instance does ({@link IngestRole}); a standby follows the log. Runs on one thread.
 */
class RepositoryPoller implements BookDirectory {

  private static final Logger log = LoggerFactory.getLogger(RepositoryPoller.class);
  private static final int MAX_CATCH_UP = 1000;

  private final IngestProperties properties;
  private final IngestRole role;
  private final CommitLog commits;
  private final BookIngestor ingestor;
  private final CommitTracing tracing;
  private final Map<String, String> seenHead = new HashMap<>();
  private ContentRepository repo;
  // read by the health check without the poll's lock: a long poll must not hold readiness up
  private volatile String followedBranch;
  private int generation;
  private String polledHead;

  RepositoryPoller(
      IngestProperties properties,
      IngestRole role,
      CommitLog commits,
      BookIngestor ingestor,
      CommitTracing tracing) {
    this.properties = properties;
    this.role = role;
    this.commits = commits;
    this.ingestor = ingestor;
    this.tracing = tracing;
  }

  /**
   * One poll: fetch, then ingest whatever the books' heads have that the log lacks; on standby,
   * only follow the log.
   */
  synchronized void poll() {
    boolean active = role.prepare();
    if (!active || role.generation() != generation) {
      // what an earlier term saw at the heads is no longer to be trusted: the log decides
      seenHead.clear();
      polledHead = null;
      generation = role.generation();
    }
    if (repo == null) {
      repo =
          ContentRepository.open(
              properties.repository(),
              properties.branch(),
              properties.stateDir(),
              properties.token());
      followedBranch = repo.branch();
      log.info("following {} branch {}", properties.repository(), followedBranch);
    }
    if (!active) {
      return; // the standby neither fetches nor publishes; it fetches when it takes over
    }
    repo.fetch();
    Optional<String> head = repo.head();
    if (head.isEmpty() || head.get().equals(polledHead)) {
      return;
    }
    BookFiles files = repo.files(head.get());
    List<String> folders =
        properties.books().isEmpty()
            ? BookDiscovery.discover(files)
            : properties.books().stream().map(BookDiscovery::normalise).toList();
    Throwable failed = null;
    for (String folder : folders) {
      if (!head.get().equals(seenHead.get(folder))) {
        try {
          catchUp(folder, BookIds.of(files, folder, repo.name()), head.get());
          seenHead.put(folder, head.get());
        } catch (Throwable e) {
          // one book's failure (a broker refusing its records) never holds up the other books;
          // this one is tried again at the next poll
          log.warn("book {} failed at {}; the other books go on", folder, head.get(), e);
          failed = failed == null ? e : failed;
        }
      }
    }
    if (failed != null) {
      throw new IllegalStateException("a book failed to ingest: " + failed, failed);
    }
    polledHead = head.get();
  }

  /** Whether this instance stands by (another one publishes). */
  boolean standby() {
    return !role.active();
  }

  /** This instance's name and role, such as {@code "ingest-2: standby"}. */
  String role() {
    return role.instance() + ": " + role.describe();
  }

  /** The followed branch, or the configured one (null = HEAD's) before the repository opens. */
  String branch() {
    String followed = followedBranch;
    return followed == null ? properties.branch() : followed;
  }

  /** Folders discovered or configured, with their bookIds, at the head. */
  @Override
  public synchronized Map<String, String> folders() {
    Map<String, String> books = new java.util.TreeMap<>();
    if (repo == null || repo.head().isEmpty()) {
      return books;
    }
    BookFiles files = repo.files(repo.head().get());
    List<String> folders =
        properties.books().isEmpty()
            ? BookDiscovery.discover(files)
            : properties.books().stream().map(BookDiscovery::normalise).toList();
    folders.forEach(f -> books.put(f, BookIds.of(files, f, repo.name())));
    return books;
  }

  private void catchUp(String folder, String bookId, String head) {
    Optional<String> last = commits.lastCommit(bookId);
    if (last.isPresent() && last.get().equals(head)) {
      return;
    }
    Optional<List<String>> chain = last.flatMap(l -> repo.commitsAfter(l, head, MAX_CATCH_UP));
    if (chain.isEmpty()) {
      try (CommitTrace trace = tracing.open("ingest commit", head)) {
        BookFiles files = repo.files(head);
        CommitInfo info = repo.info(head);
        report(role.publishing(() -> ingestor.ingest(files, folder, bookId, info, true)));
      }
      return;
    }
    for (String commit : chain.get()) {
      String parent = repo.info(commit).parent();
      String tree = repo.folderTree(commit, folder);
      if (tree == null || parent != null && Objects.equals(tree, repo.folderTree(parent, folder))) {
        continue; // the commit does not touch this book
      }
      try (CommitTrace trace = tracing.open("ingest commit", commit)) {
        BookFiles files = repo.files(commit);
        CommitInfo info = repo.info(commit);
        report(role.publishing(() -> ingestor.ingest(files, folder, bookId, info, false)));
      }
    }
  }

  private static void report(CommitEvent event) {
    log.info("{} {} at {}", event.getClass().getSimpleName(), event.bookId(), event.commit());
  }

  /** Closes the repository and ends the role's term. */
  synchronized void close() {
    role.close();
    if (repo != null) {
      repo.close();
    }
  }
}
