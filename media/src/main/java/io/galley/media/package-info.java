/** Checks of images that ingest and export share, made before anything decodes the pixels. */
package io.galley.media;
