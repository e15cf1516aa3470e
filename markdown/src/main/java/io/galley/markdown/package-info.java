/**
 * The one way Galley reads Markdown: the CommonMark parser with the extensions render publishes,
 * and the guards that keep its work linear, shared by ingest and render so both agree on what is
 * code, what is an image and what is a link.
 */
package io.galley.markdown;
