package io.galley.render.site;

import io.galley.blob.BlobNotFoundException;
import io.galley.blob.BlobRef;
import io.galley.blob.BlobStore;
import io.galley.events.EventJson;
import io.galley.render.assets.AssetStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

  private final BlobStore blobs;
  private final SiteUpload upload;
  private final Map<String, SiteIndex> indexes = Collections.synchronizedMap(lru(CACHED_INDEXES));

  /** Sites in the store the service reads its images from. */
  @Autowired
  SiteStorage(AssetStore assets) {
    this(assets.blobs());
  }

  SiteStorage(BlobStore blobs) {
    this(blobs, new SiteUpload(blobs));
  }

  SiteStorage(BlobStore blobs, SiteUpload upload) {
    this.blobs = blobs;
    this.upload = upload;
  }

  static <V> Map<String, V> lru(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > capacity;
      }
    };
  }

  /**
   * The record of a new build's files, linking unchanged ones from the site of {@code linkedFrom}.
   */
  SiteContents contents(String linkedFrom) {
    return new SiteContents(linkedFrom, upload);
  }

  BlobStore blobs() {
    return blobs;
  }

  /**
   * Puts every file of the built site in {@code dir} in the store, and its index; returns once all
   * are durable.
   *
   * @param contents the files the build placed in {@code dir}
   * @param images the images of the site, already in the store, by sha256
   */
  BlobRef store(String bookId, String commit, Path dir, SiteContents contents, Set<String> images)
      throws IOException {
    SiteUpload.Stored stored = upload.store(bookId, commit, dir, contents, images);
    indexes.put(stored.ref().sha256(), stored.index());
    return stored.ref();
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
