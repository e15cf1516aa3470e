package io.galley.export.store;

import io.galley.blob.BlobRef;
import io.galley.blob.BlobStore;
import io.galley.blob.ByteRange;
import io.galley.events.EditionFormat;
import io.galley.events.EditionPublished;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Edition files (PDF, EPUB) in the shared blob store, addressed by their sha256, so that any export
 * instance serves any edition; the records of editions live on {@code guide.editions.v1}.
 */
@Component
public class EditionFileStore {

  private final BlobStore blobs;

  /** A store over {@code blobs}. */
  public EditionFileStore(BlobStore blobs) {
    this.blobs = blobs;
  }

  /** The media type of a format's file. */
  public static String mediaType(EditionFormat format) {
    return format == EditionFormat.PDF ? "application/pdf" : "application/epub+zip";
  }

  /**
   * Stores the file; returns once it is durable.
   *
   * @throws IOException if the store fails
   * @throws IllegalStateException if the stored bytes are not the edition's (sha256)
   */
  public void put(EditionPublished edition, Path file) throws IOException {
    BlobRef ref = blobs.put(file, mediaType(edition.format()));
    if (!ref.sha256().equals(edition.sha256())) {
      throw new IllegalStateException(
          "stored file of edition "
              + edition.editionId()
              + " hashed to "
              + ref.sha256()
              + ", expected "
              + edition.sha256());
    }
  }

  /** Whether the edition's file is in the store. */
  public boolean contains(EditionPublished edition) throws IOException {
    return blobs.exists(edition.sha256());
  }

  /**
   * Opens the edition's file, or a range of it.
   *
   * @throws io.galley.blob.BlobNotFoundException if it is not in the store
   */
  public InputStream open(EditionPublished edition, ByteRange range) throws IOException {
    return blobs.open(edition.sha256(), range);
  }

  /** A short-lived URL of the file, if the store can sign one. */
  public Optional<URI> presignedUrl(EditionPublished edition, Duration validity) {
    return blobs.presignedGetUrl(edition.sha256(), validity);
  }
}
