package io.galley.render.site;

import io.galley.render.RenderProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The sites built here under {@code stateDir/sites/<bookId>/<commit>/} (the newest two per book;
 * older ones are served from the blob store), the sites published by any instance (their index
 * blobs, learned from {@code guide.editions.v1}; the newest {@code historyPerBook} of each book, so
 * memory grows with books, not commits) and, per book, the commit served as latest: the newest by
 * commit time (rebuilt from the topics after a restart).
 */
@Component
public class SiteLibrary {

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private static final Logger log = LoggerFactory.getLogger(SiteLibrary.class);

  private static final String INDEX_SUFFIX = ".site-index";

  private static final Comparator<Latest> NEWEST_FIRST =
      Comparator.comparing(Latest::committedAt).reversed().thenComparing(Latest::commit);

  /**
   * Where pruned folders wait to be deleted; never a book (a bookId starts with a letter or digit).
   */
  private static final String TRASH = ".trash";

  private final Path root;
  private final int historyPerBook;
  private final Executor sweeper;
  private final AtomicLong trashed = new AtomicLong();
  private final Map<String, Latest> latest = new ConcurrentHashMap<>();
  private final Map<String, Site> published = new ConcurrentHashMap<>();
  private final Map<String, NavigableSet<Latest>> publishedByBook = new HashMap<>();

  private record Latest(String commit, Instant committedAt) {}

  /** A published site: its index blob and the id of its edition. */
  private record Site(String indexSha256, String editionId) {}

  /** The library under the service's state folder. */
  @Autowired
  public SiteLibrary(RenderProperties properties) {
    this(
        properties.stateDir().resolve("sites"),
        properties.historyPerBook(),
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "site-sweeper");
              t.setDaemon(true);
              return t;
            }));
  }

  /** A library in {@code root} with the default bound. */
  public SiteLibrary(Path root) {
    this(root, RenderProperties.defaults().historyPerBook());
  }

  /** A library in {@code root} knowing the newest {@code historyPerBook} sites of each book. */
  public SiteLibrary(Path root, int historyPerBook) {
    this(root, historyPerBook, Runnable::run);
  }

  /**
   * A library whose pruned folders are deleted on {@code sweeper}: the service deletes them in the
   * background, as deleting a 270-chapter site (~550 files) took 30 to 200 ms of every edit.
   */
  SiteLibrary(Path root, int historyPerBook, Executor sweeper) {
    this.root = root;
    this.historyPerBook = historyPerBook;
    this.sweeper = sweeper;
  }

  /** Whether a name can be a folder name here (bookIds and commits). */
  static boolean safeName(String name) {
    return name != null && SAFE.matcher(name).matches() && !name.contains("..");
  }

  /** The folder of a book's site at a commit (which may not exist yet). */
  public Path siteDir(String bookId, String commit) {
    if (!safeName(bookId) || !safeName(commit)) {
      throw new IllegalArgumentException("unsafe book or commit name: " + bookId + "@" + commit);
    }
    return root.resolve(bookId).resolve(commit);
  }

  /** Whether the site of that commit has been built. */
  public boolean isBuilt(String bookId, String commit) {
    return Files.isDirectory(siteDir(bookId, commit));
  }

  /**
   * Deletes this instance's folders of the book's sites except those of {@code keep}, but only
   * those whose site is in the blob store (its index is known), which serves them from then on: the
   * local folders are a build workspace, kept for the next build to reuse unchanged pages from.
   * Each folder is renamed away at once (one rename) and deleted on the sweeper, so a build does
   * not wait for hundreds of deletes; what a stop leaves in the trash goes with the next sweep.
   *
   * @return how many folders were deleted
   */
  public int pruneBuilt(String bookId, Set<String> keep) throws IOException {
    Path book = root.resolve(bookId);
    if (!safeName(bookId) || !Files.isDirectory(book)) {
      return 0;
    }
    List<Path> dirs;
    try (Stream<Path> list = Files.list(book)) {
      dirs = list.filter(Files::isDirectory).toList();
    }
    int deleted = 0;
    for (Path dir : dirs) {
      String commit = dir.getFileName().toString();
      if (safeName(commit) && !keep.contains(commit) && siteIndex(bookId, commit).isPresent()) {
        Path trash = root.resolve(TRASH);
        Files.createDirectories(trash);
        Files.move(
            dir,
            trash.resolve(
                bookId + "@" + commit + "." + System.nanoTime() + "-" + trashed.incrementAndGet()),
            StandardCopyOption.ATOMIC_MOVE);
        deleted++;
      }
    }
    if (deleted > 0) {
      sweeper.execute(this::sweep);
    }
    return deleted;
  }

  /** Deletes whatever is in the trash; a failure is logged and the folder tried again next time. */
  private void sweep() {
    Path trash = root.resolve(TRASH);
    List<Path> folders;
    try (Stream<Path> list = Files.list(trash)) {
      folders = list.toList();
    } catch (IOException e) {
      log.warn("could not list the pruned site folders in {}: {}", trash, e.toString());
      return;
    }
    for (Path folder : folders) {
      try {
        SiteFiles.deleteRecursively(folder);
      } catch (IOException | UncheckedIOException e) {
        log.warn("could not delete the pruned site folder {}: {}", folder, e.toString());
      }
    }
  }

  /**
   * Makes {@code commit} the site served at {@code /books/{bookId}/} unless a newer commit's is
   * (sites arrive in any order from the editions topic).
   */
  public void markLatest(String bookId, String commit, Instant committedAt) {
    latest.merge(
        bookId,
        new Latest(commit, committedAt),
        (old, now) -> now.committedAt().isBefore(old.committedAt()) ? old : now);
  }

  /** The commit served as latest, if any was built. */
  public Optional<String> latest(String bookId) {
    return Optional.ofNullable(latest.get(bookId)).map(Latest::commit);
  }

  /**
   * Records that the site of {@code commit} (made at {@code committedAt}, edition {@code
   * editionId}) is in the blob store, under index blob {@code sha}; the book's oldest site known
   * drops out beyond the bound.
   *
   * @return the editionIds of the sites that dropped out (the builder retires them from the topic)
   */
  public List<String> published(
      String bookId, String commit, String editionId, String siteIndexSha256, Instant committedAt) {
    synchronized (publishedByBook) {
      NavigableSet<Latest> sites =
          publishedByBook.computeIfAbsent(bookId, b -> new TreeSet<>(NEWEST_FIRST));
      sites.add(new Latest(commit, committedAt));
      published.put(bookId + "@" + commit, new Site(siteIndexSha256, editionId));
      List<String> dropped = new ArrayList<>();
      while (sites.size() > historyPerBook) {
        Site gone = published.remove(bookId + "@" + sites.pollLast().commit());
        if (gone != null && gone.editionId() != null) {
          dropped.add(gone.editionId());
        }
      }
      return dropped;
    }
  }

  /**
   * Records a site this instance stored and published: also on disk, so a restart does not publish
   * it again.
   *
   * @return the editionIds of the sites that dropped out of the book's bound
   */
  public List<String> publishedHere(
      String bookId, String commit, String editionId, String siteIndexSha256, Instant committedAt) {
    List<String> dropped = published(bookId, commit, editionId, siteIndexSha256, committedAt);
    Path marker = siteDir(bookId, commit).resolveSibling(commit + INDEX_SUFFIX);
    try {
      Files.writeString(marker, siteIndexSha256);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + marker, e);
    }
    return dropped;
  }

  /** The index blob of the published site of that commit, if it is known. */
  public Optional<String> siteIndex(String bookId, String commit) {
    String key = bookId + "@" + commit;
    Site site = published.get(key);
    String sha = site == null ? null : site.indexSha256();
    if (sha == null && safeName(bookId) && safeName(commit)) {
      Path marker = siteDir(bookId, commit).resolveSibling(commit + INDEX_SUFFIX);
      try {
        sha = Files.isRegularFile(marker) ? Files.readString(marker).strip() : null;
      } catch (IOException e) {
        sha = null;
      }
    }
    return Optional.ofNullable(sha);
  }
}
