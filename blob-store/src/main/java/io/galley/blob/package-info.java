/**
 * Galley's blob store: big bytes (images, edition files) addressed by their SHA-256, kept in a
 * directory on one machine or in S3-compatible object storage when instances share them, with a
 * bounded local disk cache in front of a remote store. Events carry {@link io.galley.blob.BlobRef}s
 * instead of the bytes (the claim-check pattern). This module has no Spring dependency.
 */
package io.galley.blob;
