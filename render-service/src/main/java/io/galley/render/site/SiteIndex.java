package io.galley.render.site;

import io.galley.blob.BlobRef;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The index blob of a site in the blob store: every file of the site by its path, so any render
 * instance can serve a site it did not build.
 *
 * @param bookId the book
 * @param commit the commit the site was built from
 * @param files each file's path in the site (such as {@code chapters/intro.html}) and its blob
 */
public record SiteIndex(String bookId, String commit, Map<String, BlobRef> files) {

  /** The media type of a site index blob. */
  public static final String MEDIA_TYPE = "application/vnd.galley.site-index+json";

  public SiteIndex {
    Objects.requireNonNull(bookId, "bookId");
    Objects.requireNonNull(commit, "commit");
    files = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(files));
  }
}
