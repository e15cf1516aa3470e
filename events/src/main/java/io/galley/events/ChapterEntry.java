package io.galley.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One chapter in a manifest, in reading order.
 *
 * <p>{@code part}, {@code depth} and {@code number} came with schema version 2 and are left out of
 * the JSON when unset, so a flat, unnumbered book's manifest reads and hashes as in version 1.
 *
 * @param docId the chapter's path relative to the book folder, without {@code .md}
 * @param sha256 hash of the chapter's source; joins the manifest with source and rendered records
 * @param title the chapter's title
 * @param part the title of the part ({@code # Part} heading of SUMMARY.md) the chapter opens or
 *     belongs to, or null when the book has no parts
 * @param depth 0 for a chapter, 1 for a sub-chapter nested under the nearest shallower entry before
 *     it, and so on (at most 5)
 * @param number the chapter's number as printed ({@code 3}, {@code 3.1}) when {@code book.yml} asks
 *     for numbering, else null
 */
public record ChapterEntry(
    String docId,
    String sha256,
    String title,
    @JsonInclude(JsonInclude.Include.NON_NULL) String part,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer depth,
    @JsonInclude(JsonInclude.Include.NON_NULL) String number) {

  /** The deepest nesting kept; deeper entries are kept at this depth. */
  public static final int MAX_DEPTH = 5;

  public ChapterEntry {
    Objects.requireNonNull(docId, "docId");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(title, "title");
    depth = depth == null ? 0 : depth; // absent in version 1
    if (depth < 0 || depth > MAX_DEPTH) {
      throw new IllegalArgumentException("depth must be 0.." + MAX_DEPTH + ", got " + depth);
    }
    part = part == null || part.isBlank() ? null : part;
    number = number == null || number.isBlank() ? null : number;
  }

  /** A top-level chapter outside any part, unnumbered (a version 1 entry). */
  public ChapterEntry(String docId, String sha256, String title) {
    this(docId, sha256, title, null, 0, null);
  }
}
