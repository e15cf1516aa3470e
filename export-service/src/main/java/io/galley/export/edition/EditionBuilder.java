package io.galley.export.edition;

import io.galley.events.EditionFormat;
import java.io.IOException;

/** Builds one format of an edition; deterministic: same content, same bytes. */
public interface EditionBuilder {

  /** The format built. */
  EditionFormat format();

  /**
   * Builds the file.
   *
   * @throws IOException when the file cannot be produced
   */
  BuiltEdition build(BookContent book) throws IOException;
}
