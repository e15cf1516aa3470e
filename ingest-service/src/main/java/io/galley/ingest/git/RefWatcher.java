package io.galley.ingest.git;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Watches a local repository's refs ({@code HEAD}, {@code packed-refs}, {@code refs/heads/**}) with
 * the file system's change notification, and calls back once per burst of ref changes, so a commit
 * is seen at once instead of at the next poll. Polling stays the fallback for anything missed.
 */
public final class RefWatcher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RefWatcher.class);

  // a burst (git writes <ref>.lock, then renames it) ends after this much quiet; the cap bounds
  // the wait when a script commits without pause, so such a stream still publishes as it goes
  private static final Duration QUIET = Duration.ofMillis(20);
  private static final Duration BURST_CAP = Duration.ofMillis(250);

  private final Path gitDir;
  private final Path commonDir;
  private final Runnable onChange;
  private volatile WatchService watcher;
  private Thread thread;

  private RefWatcher(Path gitDir, Path commonDir, Runnable onChange) {
    this.gitDir = gitDir;
    this.commonDir = commonDir;
    this.onChange = onChange;
  }

  /**
   * A watcher of the repository at {@code location} (a work tree or a bare repository), or one that
   * does nothing when {@code enabled} is false or the location is a URL (a remote has no files to
   * watch; its webhook plays this part).
   */
  public static RefWatcher of(String location, boolean enabled, Runnable onChange) {
    if (!enabled || ContentRepository.isUrl(location)) {
      return new RefWatcher(null, null, onChange);
    }
    try (Repository repo =
        new FileRepositoryBuilder().findGitDir(new File(location)).setMustExist(true).build()) {
      // a linked work tree keeps HEAD in its own folder and the refs in the common one
      return new RefWatcher(
          repo.getDirectory().toPath(), repo.getCommonDirectory().toPath(), onChange);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open repository " + location, e);
    }
  }

  @Override
  public synchronized void start() {
    if (watcher != null || gitDir == null) {
      return;
    }
    try {
      watcher = FileSystems.getDefault().newWatchService();
      register(gitDir);
      if (!commonDir.equals(gitDir)) {
        register(commonDir);
      }
      Path heads = commonDir.resolve("refs").resolve("heads");
      if (Files.isDirectory(heads)) {
        try (Stream<Path> dirs = Files.walk(heads)) {
          for (Path dir : dirs.filter(Files::isDirectory).toList()) {
            register(dir);
          }
        }
      }
    } catch (IOException e) {
      // not fatal: polling still sees every commit, only later
      log.warn("cannot watch {} for ref changes, polling only: {}", commonDir, e.toString());
      close();
      return;
    }
    thread = new Thread(this::run, "galley-ingest-watch");
    thread.setDaemon(true);
    thread.start();
    log.info("watching {} for ref changes", commonDir);
  }

  private void register(Path dir) throws IOException {
    dir.register(
        watcher,
        StandardWatchEventKinds.ENTRY_CREATE,
        StandardWatchEventKinds.ENTRY_MODIFY,
        StandardWatchEventKinds.ENTRY_DELETE);
  }

  private void run() {
    WatchService ws = watcher;
    try {
      while (true) {
        if (!relevant(ws.take())) {
          continue;
        }
        // drain the rest of the burst: one callback for a commit's several file events
        long end = System.nanoTime() + BURST_CAP.toNanos();
        WatchKey more;
        while (System.nanoTime() < end
            && (more = ws.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS)) != null) {
          relevant(more);
        }
        onChange.run();
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // stopped
    } catch (RuntimeException e) {
      log.warn("ref watching stopped, polling only: {}", e.toString(), e);
    }
  }

  /** Reads and resets {@code key}: whether it saw a ref change (and registers new ref folders). */
  private boolean relevant(WatchKey key) {
    Path dir = (Path) key.watchable();
    boolean refs = dir.startsWith(commonDir.resolve("refs"));
    boolean any = false;
    List<WatchEvent<?>> events = key.pollEvents();
    key.reset();
    for (WatchEvent<?> event : events) {
      if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
        any = true; // events were lost: a poll finds out what changed
        continue;
      }
      String name = event.context().toString();
      if (name.endsWith(".lock")) {
        continue; // git's write-in-progress; the rename to the ref itself follows
      }
      if (refs) {
        Path child = dir.resolve(name);
        if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(child)) {
          registerQuietly(child); // a branch such as feature/x: its folder is new
        }
        any = true;
      } else if (name.equals("HEAD") || name.equals("packed-refs")) {
        any = true;
      }
    }
    return any;
  }

  private void registerQuietly(Path dir) {
    try {
      register(dir);
    } catch (IOException | ClosedWatchServiceException e) {
      log.debug("cannot watch {}: {}", dir, e.toString());
    }
  }

  @Override
  public void stop() {
    close();
  }

  /** Stops watching; safe to call more than once. */
  public synchronized void close() {
    WatchService ws = watcher;
    watcher = null;
    if (ws != null) {
      try {
        ws.close(); // ends the thread's take() with ClosedWatchServiceException
      } catch (IOException e) {
        log.debug("closing the ref watcher: {}", e.toString());
      }
    }
    if (thread != null) {
      thread.interrupt();
      thread = null;
    }
  }

  @Override
  public boolean isRunning() {
    return watcher != null;
  }
}
