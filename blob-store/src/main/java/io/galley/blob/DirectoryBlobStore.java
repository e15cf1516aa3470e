package io.galley.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one-machine blob store: blob {@code abcd…} lives at {@code <root>/ab/cd/abcd…}, its media
 * type beside it in {@code abcd….type}. A put streams into a temp file under {@code
 * <root>/.staging} (the same file system, so the final rename is atomic), fsyncs it, reads it back
 * to check its digest, writes the media type, then renames the blob into place and fsyncs the
 * directory. Several processes may share one root.
 */
public final class DirectoryBlobStore implements BlobStore {

  static final String STAGING = ".staging";
  // a temp file this old belongs to a writer that died; younger ones may be another process's
  private static final Duration STALE_STAGING = Duration.ofHours(24);

  private final Path root;
  private final Path staging;

  /**
   * A store in {@code root}, created if missing; stale temp files of dead writers are removed.
   *
   * @throws IOException if the directories cannot be created
   */
  public DirectoryBlobStore(Path root) throws IOException {
    this.root = root.toAbsolutePath();
    this.staging = this.root.resolve(STAGING);
    Files.createDirectories(staging);
    removeStaleStagingFiles();
  }

  /** The directory the store keeps its blobs in. */
  public Path root() {
    return root;
  }

  @Override
  public BlobRef put(InputStream content, String mediaType) throws IOException {
    BlobRef.requireMediaType(mediaType);
    try (StagedBlob staged = StagedBlob.write(content, staging, false)) {
      return publish(staged, mediaType);
    }
  }

  /**
   * Stores a file's content; the file is hashed where it lies first, so content already stored (a
   * page rewritten with the same bytes) costs one read and no write or fsync.
   */
  @Override
  public BlobRef put(Path file, String mediaType) throws IOException {
    BlobRef.requireMediaType(mediaType);
    try (StagedBlob inPlace = StagedBlob.hashInPlace(file, false)) {
      Optional<BlobRef> existing = stat(inPlace.sha256());
      if (existing.isPresent()) {
        return existing.get();
      }
    }
    try (InputStream in = Files.newInputStream(file)) {
      return put(in, mediaType);
    }
  }

  /** Publishes staged content under its digest, unless a blob with that digest is stored. */
  BlobRef publish(StagedBlob staged, String requestedMediaType) throws IOException {
    String mediaType = BlobRef.canonicalMediaType(requestedMediaType);
    Optional<BlobRef> existing = stat(staged.sha256());
    if (existing.isPresent()) {
      return existing.get();
    }
    staged.verify();
    Path target = blobPath(staged.sha256());
    Path dir = target.getParent(); // root/ab/cd
    boolean newParent = !Files.isDirectory(dir.getParent());
    boolean newDir = newParent || !Files.isDirectory(dir);
    Files.createDirectories(dir);
    // the type first: once the blob is visible, its type is too
    BlobFiles.writeAtomically(
        typePath(staged.sha256()), mediaType.getBytes(StandardCharsets.UTF_8), staging);
    // rename(2) replaces atomically: a concurrent put of the same content swaps identical bytes
    Files.move(staged.file(), target, StandardCopyOption.ATOMIC_MOVE);
    // a directory is synced where an entry was added to it: each fsync waits for the disk, and
    // with others writing (a PDF being stored) every one costs tens of ms on a site's edit
    BlobFiles.fsyncDirectory(dir);
    if (newDir) {
      BlobFiles.fsyncDirectory(dir.getParent());
    }
    if (newParent) {
      BlobFiles.fsyncDirectory(root);
    }
    return new BlobRef(staged.sha256(), staged.size(), mediaType);
  }

  @Override
  public InputStream open(String sha256) throws IOException {
    return BlobFiles.open(blobPath(sha256), sha256);
  }

  @Override
  public InputStream open(String sha256, ByteRange range) throws IOException {
    return BlobFiles.openRange(blobPath(sha256), sha256, range);
  }

  @Override
  public Optional<BlobRef> stat(String sha256) throws IOException {
    long size;
    try {
      size = Files.size(blobPath(sha256));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    return Optional.of(new BlobRef(sha256, size, mediaType(sha256)));
  }

  @Override
  public boolean delete(String sha256) throws IOException {
    boolean deleted = Files.deleteIfExists(blobPath(sha256));
    Files.deleteIfExists(typePath(sha256));
    return deleted;
  }

  private String mediaType(String sha256) throws IOException {
    try {
      return new String(Files.readAllBytes(typePath(sha256)), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      // only if a delete raced a put of the same content: the bytes are still right
      return BlobRef.OCTET_STREAM;
    }
  }

  private Path blobPath(String sha256) {
    return root.resolve(BlobFiles.key(sha256));
  }

  private Path typePath(String sha256) {
    return root.resolve(BlobFiles.key(sha256) + ".type");
  }

  private void removeStaleStagingFiles() throws IOException {
    FileTime cutoff = FileTime.from(Instant.now().minus(STALE_STAGING));
    try (Stream<Path> files = Files.list(staging)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (Files.getLastModifiedTime(file).compareTo(cutoff) < 0) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  @Override
  public String toString() {
    return "DirectoryBlobStore[" + root + "]";
  }
}
