package io.galley.events;

import java.util.Objects;

/**
 * One chapter in a manifest, in reading order.
 *
 * @param docId the chapter's path relative to the book folder, without {@code .md}
 * @param sha256 hash of the chapter's source; joins the manifest with source and rendered records
 * @param title the chapter's title
 */
public record ChapterEntry(String docId, String sha256, String title) {

  public ChapterEntry {
    Objects.requireNonNull(docId, "docId");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(title, "title");
  }
}
