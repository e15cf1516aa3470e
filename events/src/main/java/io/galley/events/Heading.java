package io.galley.events;

import java.util.Objects;

/**
 * A section heading of a rendered chapter, for outlines, tables of contents and bookmarks.
 *
 * @param level 1 to 6
 * @param id the anchor id, unique within the chapter
 * @param text the heading's plain text
 */
public record Heading(int level, String id, String text) {

  public Heading {
    if (level < 1 || level > 6) {
      throw new IllegalArgumentException("heading level must be 1..6, got " + level);
    }
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
  }
}
