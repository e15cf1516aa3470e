/**
 * The Kafka pipeline: listeners for sources, assets and manifests, the join by content hash, the
 * chapter cache, and the HTML edition build with its published events.
 */
package io.galley.render.pipeline;
