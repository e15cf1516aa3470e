/** The EPUB 3 edition, written entry by entry into a deterministic zip. */
package io.galley.export.epub;
