package io.galley.render.site;

import io.galley.blob.BlobRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Reads a site's files from the blob store (through the bounded local cache when the store is
 * remote), the same way on every instance, so any instance serves any site; a site whose index is
 * unknown (announced before sites were stored) is read from this instance's folder if it has one.
 */
@Component
class SiteReader {

  private final SiteLibrary library;
  private final SiteStorage storage;

  SiteReader(SiteLibrary library, SiteStorage storage) {
    this.library = library;
    this.storage = storage;
  }

  /** Whether the site of that commit can be served. */
  boolean exists(String bookId, String commit) {
    return index(bookId, commit).isPresent() || library.isBuilt(bookId, commit);
  }

  /** A file of the site ({@code rest} checked safe by the caller), if it has one. */
  Optional<Resource> file(String bookId, String commit, String rest) {
    Optional<SiteIndex> index = index(bookId, commit);
    if (index.isPresent()) {
      return Optional.ofNullable(index.get().files().get(rest))
          .map(ref -> new BlobResource(storage, ref, rest));
    }
    if (!library.isBuilt(bookId, commit)) {
      return Optional.empty();
    }
    // a site built but not (yet) in the store: one announced before sites were stored
    Path root = library.siteDir(bookId, commit);
    Path file = root.resolve(rest).normalize();
    return file.startsWith(root) && Files.isRegularFile(file)
        ? Optional.of(new FileSystemResource(file))
        : Optional.empty();
  }

  /** Writes the site as a zip, every entry under {@code prefix/}. */
  void zip(String bookId, String commit, String prefix, OutputStream out) throws IOException {
    Optional<SiteIndex> index = index(bookId, commit);
    if (index.isPresent()) {
      SiteZip.write(index.get(), storage, prefix, out);
    } else if (library.isBuilt(bookId, commit)) {
      SiteZip.write(library.siteDir(bookId, commit), prefix, out);
    } else {
      throw new IOException("no site of " + bookId + "@" + commit);
    }
  }

  private Optional<SiteIndex> index(String bookId, String commit) {
    return library.siteIndex(bookId, commit).flatMap(storage::index);
  }

  /** A file in the blob store as a resource of known length. */
  private static final class BlobResource extends AbstractResource {
    private final SiteStorage storage;
    private final BlobRef ref;
    private final String path;

    BlobResource(SiteStorage storage, BlobRef ref, String path) {
      this.storage = storage;
      this.ref = ref;
      this.path = path;
    }

    @Override
    public InputStream getInputStream() throws IOException {
      return storage.open(ref);
    }

    @Override
    public long contentLength() {
      return ref.size();
    }

    @Override
    public boolean exists() {
      return true;
    }

    @Override
    public String getFilename() {
      return path.substring(path.lastIndexOf('/') + 1);
    }

    @Override
    public String getDescription() {
      return "site file " + path + " (blob " + ref.sha256() + ")";
    }
  }
}
