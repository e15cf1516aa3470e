/** Asset bytes received from the assets topic, kept on disk by content hash. */
package io.galley.render.assets;
