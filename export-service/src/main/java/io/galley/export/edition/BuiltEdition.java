package io.galley.export.edition;

import java.util.Objects;

/**
 * A built edition file.
 *
 * @param bytes the file
 * @param pages the number of pages (PDF), else null
 */
public record BuiltEdition(byte[] bytes, Integer pages) {

  public BuiltEdition {
    Objects.requireNonNull(bytes, "bytes");
  }
}
