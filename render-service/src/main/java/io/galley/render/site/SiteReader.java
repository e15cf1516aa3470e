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
 * Reads a site's files from this instance's folder when it built the site, else from the blob store
 * (through the bounded local cache when the store is remote), so any instance serves any site.
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
    return library.isBuilt(bookId, commit) || index(bookId, commit).isPresent();
  }

  /** A file of the site ({@code rest} checked safe by the caller), if it has one. */
  Optional<Resource> file(String bookId, String commit, String rest) {
    if (library.isBuilt(bookId, commit)) {
      Path root = library.siteDir(bookId, commit);
      Path file = root.resolve(rest).normalize();
      return file.startsWith(root) && Files.isRegularFile(file)
          ? Optional.of(new FileSystemResource(file))
          : Optional.empty();
    }
    return index(bookId, commit)
        .map(index -> index.files().get(rest))
        .map(ref -> new BlobResource(storage, ref, rest));
  }

  /** Writes the site as a zip, every entry under {@code prefix/}. */
  void zip(String bookId, String commit, String prefix, OutputStream out) throws IOException {
    if (library.isBuilt(bookId, commit)) {
      SiteZip.write(library.siteDir(bookId, commit), prefix, out);
      return;
    }
    SiteIndex index =
        index(bookId, commit)
            .orElseThrow(() -> new IOException("no site of " + bookId + "@" + commit));
    SiteZip.write(index, storage, prefix, out);
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
