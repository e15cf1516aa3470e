package io.galley.render.site;

import io.galley.blob.BlobRef;
import io.galley.blob.BlobStore;
import io.galley.events.Digests;
import io.galley.events.EventJson;
import io.galley.render.ParallelWork;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Puts a built site's files and its {@link SiteIndex} in the blob store: files the store already
 * holds (unchanged pages, the book's images) are not written again, new ones and the index are put
 * several at a time, and the whole returns once every one is durable.
 */
final class SiteUpload {

  /** Images known to be stored (ingest put them): enough for a few hundred big books. */
  private static final int REMEMBERED_FILES = 100_000;

  /**
   * How many files of a site are put at once: a put mostly waits for the disk (fsync) or the
   * network, so more than the cores, and few enough not to flood either.
   */
  private static final int PARALLEL_PUTS = 8;

  /**
   * How many bytes of written files may wait in memory for their early put: a full build of a big
   * book writes faster than the store takes it, and past this the builder waits for puts to finish,
   * so memory stays bounded whatever the book's size. Waiting costs less than putting the rest from
   * the folder after the build, which reads and hashes each file twice more.
   */
  static final int QUEUED_BYTES = 16 * 1024 * 1024;

  /** A stored site: its index and the index's blob. */
  record Stored(BlobRef ref, SiteIndex index) {}

  private final BlobStore blobs;
  private final Executor io =
      Executors.newFixedThreadPool(
          PARALLEL_PUTS,
          r -> {
            Thread t = new Thread(r, "site-store");
            t.setDaemon(true);
            return t;
          });
  private final Semaphore queued;
  private final int queuedBytes;
  private final Set<String> stored =
      Collections.newSetFromMap(Collections.synchronizedMap(SiteStorage.lru(REMEMBERED_FILES)));

  /**
   * Per book, the last site stored here: the builder hard-links a chapter's unchanged pages from
   * the previous site, so their blobs are known without reading and hashing them again (a
   * 270-chapter site is ~35 MB; hashing it all added ~200 ms to every one-chapter edit).
   */
  private final Map<String, Last> lastStored = new ConcurrentHashMap<>();

  /** A site stored here: its commit and the blob of each of its files by path. */
  private record Last(String commit, Map<String, BlobRef> files) {}

  SiteUpload(BlobStore blobs) {
    this(blobs, QUEUED_BYTES);
  }

  /** An upload letting at most {@code queuedBytes} of written files wait for an early put. */
  SiteUpload(BlobStore blobs, int queuedBytes) {
    this.blobs = blobs;
    this.queued = new Semaphore(queuedBytes);
    this.queuedBytes = queuedBytes;
  }

  /**
   * Puts every file of the built site in {@code dir} in the store, and its index; returns once all
   * are durable.
   *
   * @param contents the files the build placed in {@code dir}, and those it linked unchanged
   * @param images the images of the site, already in the store, by sha256
   */
  Stored store(String bookId, String commit, Path dir, SiteContents contents, Set<String> images)
      throws IOException {
    List<String> paths = contents.files();
    List<Path> files = paths.stream().map(dir::resolve).toList();
    Last last = lastStored.get(bookId);
    // a linked file is the very file of the site it was linked from, if that is the site stored
    // last here; otherwise (a restart, another build of the book in between) it is hashed again
    Map<String, BlobRef> previous =
        last != null && last.commit().equals(contents.linkedFrom()) ? last.files() : Map.of();
    List<Integer> fresh = new ArrayList<>();
    BlobRef[] refs = new BlobRef[files.size()];
    for (int i = 0; i < files.size(); i++) {
      refs[i] = contents.isLinked(paths.get(i)) ? previous.get(paths.get(i)) : null;
      if (refs[i] == null) {
        refs[i] = contents.written(paths.get(i));
      }
      if (refs[i] == null) {
        fresh.add(i);
      }
    }
    // the new files are hashed first, so the index can be put beside them, not after them: no one
    // reads the index before the edition naming it is announced, once every put here has returned
    List<Planned> planned = inParallel(fresh, i -> plan(files.get(i), paths.get(i), images));
    for (int k = 0; k < fresh.size(); k++) {
      refs[fresh.get(k)] = planned.get(k).ref();
    }
    Map<String, BlobRef> entries = new LinkedHashMap<>();
    for (int i = 0; i < files.size(); i++) {
      entries.put(paths.get(i), refs[i]);
    }
    SiteIndex index = new SiteIndex(bookId, commit, entries);
    byte[] indexBytes = EventJson.toBytes(index);
    List<Integer> puts = new ArrayList<>(fresh.size() + 1);
    puts.add(-1);
    for (int k = 0; k < fresh.size(); k++) {
      if (planned.get(k).put()) {
        puts.add(fresh.get(k));
      }
    }
    // each put waits for its fsyncs (or the network): side by side, those waits overlap
    List<BlobRef> put =
        inParallel(
            puts,
            i ->
                i < 0
                    ? blobs.put(new ByteArrayInputStream(indexBytes), SiteIndex.MEDIA_TYPE)
                    : putFile(files.get(i), refs[i]));
    // the files the build wrote were put while it went on, and beside the index: wait for them
    for (CompletableFuture<Void> early : contents.puts()) {
      await(early);
    }
    lastStored.put(bookId, new Last(commit, entries));
    return new Stored(put.get(0), index);
  }

  /**
   * Starts putting a file the builder has just written as {@code ref}, from the bytes it wrote, on
   * the store's threads, first waiting while too many bytes wait already; null for a file larger
   * than all the room there is (a big site's search index), or when interrupted: the file is then
   * put from its folder by {@link #store}.
   */
  CompletableFuture<Void> putEarly(BlobRef ref, byte[] bytes) {
    if (bytes.length > queuedBytes) {
      return null;
    }
    try {
      // the puts free room by themselves, on their own threads: the wait always ends
      queued.acquire(bytes.length);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    return CompletableFuture.runAsync(
        () -> {
          try {
            // a page rewritten with the same bytes (the index page, the stylesheet) is stored
            if (!blobs.exists(ref.sha256())) {
              blobs.put(new ByteArrayInputStream(bytes), ref.mediaType());
            }
          } catch (IOException e) {
            throw new UncheckedIOException("cannot store site file " + ref.sha256(), e);
          } finally {
            queued.release(bytes.length);
          }
        },
        io);
  }

  private static void await(CompletableFuture<Void> put) throws IOException {
    try {
      put.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw e;
    }
  }

  /** A new file's blob, and whether it still has to be put. */
  private record Planned(BlobRef ref, boolean put) {}

  /** A file's blob as it will be stored: an image ingest stored, or the file's digest and size. */
  private Planned plan(Path file, String path, Set<String> images) throws IOException {
    String type = SiteStorage.mediaType(path);
    String stem = imageStem(file);
    if (images.contains(stem) && (stored.contains(stem) || blobs.exists(stem))) {
      stored.add(stem); // an image: the very blob ingest stored
      return new Planned(new BlobRef(stem, Files.size(file), type), false);
    }
    MessageDigest sha = Digests.sha256();
    long size = 0;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) != -1; size += n) {
        sha.update(buffer, 0, n);
      }
    }
    String sha256 = HexFormat.of().formatHex(sha.digest());
    // a page rewritten with the same bytes (the index page, the stylesheet) is stored already
    return new Planned(new BlobRef(sha256, size, type), !blobs.exists(sha256));
  }

  /** Puts a file planned as {@code planned}; fails if it changed since. */
  private BlobRef putFile(Path file, BlobRef planned) throws IOException {
    // streamed, not put(Path): plan() has hashed the file and found it missing from the store, and
    // put(Path) would read and hash it once more to learn the same
    BlobRef ref;
    try (InputStream in = Files.newInputStream(file)) {
      ref = blobs.put(in, planned.mediaType());
    }
    if (!ref.sha256().equals(planned.sha256())) {
      throw new IOException(file + " changed while its site was stored");
    }
    return planned;
  }

  private static String imageStem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  /** A step that may fail with an I/O error. */
  private interface IoStep<I, O> {
    O apply(I item) throws IOException;
  }

  /** {@code step} of every item on the store's threads, results in order. */
  private <I, O> List<O> inParallel(List<I> items, IoStep<I, O> step) throws IOException {
    try {
      return ParallelWork.map(
          items,
          item -> {
            try {
              return step.apply(item);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          },
          io);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
