/**
 * The render service: consumes chapter sources, assets and manifests from Kafka, renders chapters
 * to format-neutral XHTML fragments, builds and serves the HTML site edition, and offers a live
 * Markdown preview.
 */
package io.galley.render;
