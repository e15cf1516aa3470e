package io.galley.events;

/** The formats an edition is built in. */
public enum EditionFormat {
  /** The multi-page website served by the render service. */
  HTML,
  /** The print edition built by the export service. */
  PDF,
  /** The e-book edition built by the export service. */
  EPUB
}
