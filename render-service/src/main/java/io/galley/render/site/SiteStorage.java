package io.galley.render.site;

import io.galley.blob.BlobNotFoundException;
import io.galley.blob.BlobRef;
import io.galley.blob.BlobStore;
import io.galley.events.EventJson;
import io.galley.render.ParallelWork;
import io.galley.render.assets.AssetStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.stereotype.Component;

/**
 * Sites in the blob store: each file a blob, plus a {@link SiteIndex} blob naming them. Files the
 * store already holds (unchanged pages, the book's images) are not written again; new ones are put
 * several at a time. Parsed indexes are kept in a small LRU, so a page served from the store costs
 * one map lookup more than one served from the local folder; the file bytes themselves come through
 * the store's bounded local cache when the store is remote ({@code galley.blob.cache.*}).
 */
@Component
final class SiteStorage {

  private static final int CACHED_INDEXES = 64;

  /** An index names each file in about 150 bytes: this is far more than any book's site. */
  private static final int MAX_INDEX_BYTES = 16 * 1024 * 1024;

  /** Images known to be stored (ingest put them): enough for a few hundred big books. */
  private static final int REMEMBERED_FILES = 100_000;

  /**
   * How many files of a site are put at once: a put mostly waits for the disk (fsync) or the
   * network, so more than the cores, and few enough not to flood either.
   */
  private static final int PARALLEL_PUTS = 8;

  private final BlobStore blobs;
  private final Executor io =
      Executors.newFixedThreadPool(
          PARALLEL_PUTS,
          r -> {
            Thread t = new Thread(r, "site-store");
            t.setDaemon(true);
            return t;
          });
  private final Set<String> stored =
      Collections.newSetFromMap(Collections.synchronizedMap(lru(REMEMBERED_FILES)));
  private final Map<String, SiteIndex> indexes = Collections.synchronizedMap(lru(CACHED_INDEXES));

  /**
   * Per book, the blob of each file of the last site stored here, by file identity: the builder
   * hard-links a chapter's unchanged pages from the previous site, so those are known without
   * reading and hashing them again (a 270-chapter site is ~35 MB; hashing it all added ~200 ms to
   * every one-chapter edit).
   */
  private final Map<String, Map<FileIdentity, BlobRef>> lastStored = new ConcurrentHashMap<>();

  /** A file as the file system knows it: a hard link of a file has the same key, size and time. */
  private record FileIdentity(String path, Object fileKey, long size, long modifiedNanos) {}

  /** Sites in the store the service reads its images from. */
  @Autowired
  SiteStorage(AssetStore assets) {
    this(assets.blobs());
  }

  SiteStorage(BlobStore blobs) {
    this.blobs = blobs;
  }

  private static <V> Map<String, V> lru(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > capacity;
      }
    };
  }

  BlobStore blobs() {
    return blobs;
  }

  /**
   * Puts every file of the built site in {@code dir} in the store, then its index; returns once all
   * are durable.
   *
   * @param images the images of the site, already in the store, by sha256
   */
  BlobRef store(String bookId, String commit, Path dir, Set<String> images) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    Map<FileIdentity, BlobRef> previous = lastStored.getOrDefault(bookId, Map.of());
    List<FileIdentity> identities = new ArrayList<>(files.size());
    List<Integer> fresh = new ArrayList<>();
    BlobRef[] refs = new BlobRef[files.size()];
    for (int i = 0; i < files.size(); i++) {
      FileIdentity identity = identity(relative(dir, files.get(i)), files.get(i));
      identities.add(identity);
      refs[i] = identity == null ? null : previous.get(identity);
      if (refs[i] == null) {
        fresh.add(i);
      }
    }
    // each put waits for its fsyncs: storing the new files side by side overlaps those waits
    List<BlobRef> stored;
    try {
      stored =
          ParallelWork.map(
              fresh,
              i -> {
                try {
                  return storeFile(files.get(i), relative(dir, files.get(i)), images);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              },
              io);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    for (int k = 0; k < fresh.size(); k++) {
      refs[fresh.get(k)] = stored.get(k);
    }
    Map<FileIdentity, BlobRef> now = new HashMap<>();
    Map<String, BlobRef> entries = new LinkedHashMap<>();
    for (int i = 0; i < files.size(); i++) {
      if (identities.get(i) != null) {
        now.put(identities.get(i), refs[i]);
      }
      entries.put(relative(dir, files.get(i)), refs[i]);
    }
    SiteIndex index = new SiteIndex(bookId, commit, entries);
    BlobRef ref =
        blobs.put(new ByteArrayInputStream(EventJson.toBytes(index)), SiteIndex.MEDIA_TYPE);
    indexes.put(ref.sha256(), index);
    lastStored.put(bookId, now);
    return ref;
  }

  private static String relative(Path dir, Path file) {
    return dir.relativize(file).toString().replace('\\', '/');
  }

  /** The file's identity, or null where the file system gives files no key. */
  private static FileIdentity identity(String path, Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    Object key = attributes.fileKey();
    return key == null
        ? null
        : new FileIdentity(
            path, key, attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
  }

  private BlobRef storeFile(Path file, String path, Set<String> images) throws IOException {
    String type = mediaType(path);
    String name = file.getFileName().toString();
    int dot = name.indexOf('.');
    String stem = dot < 0 ? name : name.substring(0, dot);
    if (images.contains(stem) && (stored.contains(stem) || blobs.exists(stem))) {
      stored.add(stem); // an image: the very blob ingest stored
      return new BlobRef(stem, Files.size(file), type);
    }
    // put hashes the file as it streams it (one pass; a stored content is not written again)
    BlobRef ref = blobs.put(file, type);
    return new BlobRef(ref.sha256(), ref.size(), type);
  }

  /** The index stored as {@code sha256}, or empty if the store has no readable index there. */
  Optional<SiteIndex> index(String sha256) {
    SiteIndex cached = indexes.get(sha256);
    if (cached != null) {
      return Optional.of(cached);
    }
    try (InputStream in = blobs.open(sha256)) {
      byte[] bytes = in.readNBytes(MAX_INDEX_BYTES + 1);
      if (bytes.length > MAX_INDEX_BYTES) {
        return Optional.empty(); // not a site index: some other blob under that name
      }
      SiteIndex index = EventJson.fromBytes(bytes, SiteIndex.class);
      indexes.put(sha256, index);
      return Optional.of(index);
    } catch (BlobNotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read site index " + sha256, e);
    } catch (RuntimeException e) {
      return Optional.empty(); // not a site index (an edition announced before sites were stored)
    }
  }

  /** Opens a file of a stored site. */
  InputStream open(BlobRef file) throws IOException {
    return blobs.open(file.sha256());
  }

  static String mediaType(String path) {
    MediaType type = MediaTypeFactory.getMediaType(path).orElse(MediaType.APPLICATION_OCTET_STREAM);
    return type.getType() + "/" + type.getSubtype();
  }
}
