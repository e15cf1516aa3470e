package io.galley.export.downloads;

import io.galley.blob.ByteRange;
import io.galley.events.EditionPublished;
import io.galley.export.store.EditionFileStore;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.AbstractResource;

/**
 * An edition's file in the blob store as a resource of known length, so Spring answers Range
 * requests for it as for a file (it skips to each range of the stream it opens).
 */
final class BlobResource extends AbstractResource {

  private final EditionFileStore store;
  private final EditionPublished edition;

  BlobResource(EditionFileStore store, EditionPublished edition) {
    this.store = store;
    this.edition = edition;
  }

  @Override
  public InputStream getInputStream() throws IOException {
    return store.open(edition, ByteRange.from(0));
  }

  @Override
  public long contentLength() {
    return edition.bytes();
  }

  @Override
  public boolean exists() {
    return true;
  }

  @Override
  public String getFilename() {
    return null; // the Content-Disposition header names the download
  }

  @Override
  public String getDescription() {
    return "edition " + edition.editionId() + " (blob " + edition.sha256() + ")";
  }
}
