/** Images by sha256 in the shared blob store ({@code galley.blob.*}), where ingest put them. */
package io.galley.render.assets;
